import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../domain/errors.ts';
import { fingerprint, type IdempotencyService, parseIdempotencyKey } from '../../pipeline/idempotency.ts';
import type { CreateJobInput, JobsService } from '../../pipeline/jobs.service.ts';
import { EMOJI_KNOBS, parseFields } from './request-fields.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')));

/** One emoji with its knobs; the values are checked by the jobs service, which names the emoji in errors. */
const emojiEntry = z
  .object({
    action: z.string().max(40),
    ...EMOJI_KNOBS,
  })
  .strict();
const emojiList = z.array(emojiEntry).max(100);

const jsonBody = z
  .object({
    character: z.string().min(1).max(40).optional(),
    color: z.string().max(20).optional(),
    actions: list.optional(),
    emojis: emojiList.optional(),
    platforms: list.optional(),
  })
  .strict();

const FIELD_NAMES = new Set(['character', 'color', 'actions', 'emojis', 'platforms']);

/** POST /api/generate-set: multipart (with an image) or JSON (with a built-in character). */
export function registerGenerateSetRoutes(
  app: FastifyInstance,
  jobs: JobsService,
  idempotency: IdempotencyService,
): void {
  app.post('/api/generate-set', async (request, reply) => {
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    const fields = request.isMultipart() ? await readMultipart(request) : readJson(request.body);
    const input: CreateJobInput = {
      userId: request.user.id,
      requestId: request.id,
      actions: fields.actions,
      emojis: fields.emojis,
      platforms: fields.platforms,
      ...(fields.character ? { character: { id: fields.character, color: fields.color } } : {}),
      ...(fields.image ? { upload: fields.image } : {}),
      ...(key && { idempotency: { userId: request.user.id, key, fingerprint: fieldsFingerprint(fields) } }),
    };
    const answer = await jobs.createOnce(input, idempotency);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(answer.statusCode).send(answer.body);
  });
}

/** What the request asks for, with the image as its digest, so a reused key with another request is caught. */
function fieldsFingerprint({ image, ...rest }: RequestFields): string {
  const imageDigest = image ? createHash('sha256').update(image.bytes).digest('base64url') : null;
  return fingerprint(['POST /api/generate-set', rest, imageDigest, image?.fileName ?? null]);
}

interface RequestFields {
  character?: string;
  color?: string;
  actions?: string[];
  emojis?: z.infer<typeof emojiList>;
  platforms?: string[];
  image?: { bytes: Uint8Array; fileName: string | null };
}

function readJson(body: unknown): RequestFields {
  if (body === undefined || body === null) throw new AppError('bad_request', 'the request has no body');
  return parseFields(jsonBody, body);
}

/** The multipart `emojis` field: the same JSON array as in a JSON body. */
function readEmojisField(value: string): z.infer<typeof emojiList> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new AppError('bad_request', 'the emojis field must be a JSON array of {action, caption?, …}');
  }
  return parseFields(emojiList, json, 'emojis');
}

async function readMultipart(request: FastifyRequest): Promise<RequestFields> {
  try {
    return await readParts(request);
  } catch (err) {
    // Limit errors carry a Fastify code and map to 413; AppErrors are ours. What is
    // left comes from the multipart parser itself: the body is not valid multipart.
    if (isAppError(err) || (err as { code?: string }).code?.startsWith('FST_')) throw err;
    throw new AppError('bad_request', 'the multipart body is malformed or incomplete', { cause: err });
  }
}

async function readParts(request: FastifyRequest): Promise<RequestFields> {
  const fields: RequestFields = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'image') {
        part.file.resume();
        throw new AppError(
          'bad_request',
          `unexpected file field ${part.fieldname}; send the picture as "image"`,
        );
      }
      if (fields.image) throw new AppError('bad_request', 'send one image per request');
      // toBuffer() enforces the configured file size limit and throws past it.
      fields.image = { bytes: await part.toBuffer(), fileName: part.filename || null };
    } else {
      if (!FIELD_NAMES.has(part.fieldname))
        throw new AppError('bad_request', `unknown field ${part.fieldname}`);
      const value = String(part.value);
      if (part.fieldname === 'emojis') {
        fields.emojis = readEmojisField(value);
      } else if (part.fieldname === 'actions' || part.fieldname === 'platforms') {
        fields[part.fieldname] = value.split(',');
      } else {
        fields[part.fieldname as 'character' | 'color'] = value;
      }
    }
  }
  return fields;
}
