import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { ACTIONS, findAction } from '../../domain/actions.ts';
import { CHARACTERS, findCharacter, presetColor, resolveCharacterColor } from '../../domain/characters.ts';
import { AppError } from '../../domain/errors.ts';
import { encodeApng } from '../../encode/index.ts';
import type { RenderEngine } from '../../gpu/render-engine.ts';
import { platformCatalog } from '../../pipeline/platform-support.ts';
import { presentPlatform } from '../presenters.ts';

const PREVIEW_SIZE = 256;
const PREVIEW_CACHE_LIMIT = 64;
/** Action previews are shown at 40 CSS px: drawn at 96, so they stay sharp on screens with two pixels or more to the point. */
const ACTION_PREVIEW_SIZE = 96;
/**
 * Previews kept: at ~50 KB each, 200 (~10 MB) hold the whole catalog for seven characters
 * or colours; past that the oldest is drawn again when asked for (28 × 6 × 4 exist).
 */
const ACTION_PREVIEW_CACHE_LIMIT = 200;

/** Health, public runtime configuration, and previews of the built-in characters and actions. */
export function registerMetaRoutes(app: FastifyInstance, config: Config, engine: RenderEngine): void {
  app.get('/api/health', { config: { public: true } }, async () => ({ status: 'ok' }));

  const firebase = config.auth.firebase;
  const publicConfig = {
    authMode: config.auth.mode,
    // The web app configures Firebase from this at run time, so one build serves every environment.
    firebase: firebase && {
      apiKey: firebase.webApiKey,
      authDomain: firebase.authDomain,
      projectId: firebase.projectId,
      authEmulatorUrl: firebase.emulatorHost ? `http://${firebase.emulatorHost}` : null,
    },
    actions: ACTIONS,
    characters: CHARACTERS,
    maxUploadBytes: config.limits.maxUploadBytes,
    maxImageDimension: config.limits.maxImageDimension,
    maxSetSize: 40,
  };
  // Asked once: whether ffmpeg is there does not change while the process runs.
  const platforms = platformCatalog(config.encoding.ffmpeg).then((all) => all.map(presentPlatform));
  app.get('/api/config', { config: { public: true } }, async () => ({
    ...publicConfig,
    platforms: await platforms,
  }));

  const previews = keptOnce<Buffer>(PREVIEW_CACHE_LIMIT);
  // Previews in a character's preset colours are built-in art: the same for everyone,
  // a bounded set (30) that stays cached, shown on the landing page before sign-in.
  // A custom colour costs a render (~25 ms), so it needs a signed-in user.
  app.get(
    '/api/characters/:id/preview.png',
    { config: { publicIf: isPresetPreview } },
    async (request, reply) => {
      const { id } = z.object({ id: z.string() }).parse(request.params);
      const { color } = z.object({ color: z.string().optional() }).parse(request.query);
      const character = findCharacter(id);
      if (!character) throw new AppError('not_found', `no built-in character ${id}`);
      const resolved = resolveCharacterColor(character, color);
      if (!resolved) throw new AppError('bad_request', 'colour must be #rrggbb or a preset name');
      const png = await previews(`${id}:${resolved}`, async () => {
        const img = await engine.character(id, resolved);
        return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
          .resize(PREVIEW_SIZE, PREVIEW_SIZE)
          .png()
          .toBuffer();
      });
      return sendPicture(reply, png);
    },
  );

  const actionPreviews = keptOnce<Buffer>(ACTION_PREVIEW_CACHE_LIMIT);
  // A built-in character doing one action, as a small looping APNG, for the action picker.
  // Public, because it is built-in art in preset colours only: a bounded set, kept once drawn.
  app.get('/api/actions/:id/preview.png', { config: { public: true } }, async (request, reply) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    const query = z
      .object({ character: z.string().default('blob'), color: z.string().optional() })
      .safeParse(request.query);
    if (!query.success) throw new AppError('bad_request', 'character and color are single values');
    const action = findAction(id);
    if (!action) throw new AppError('not_found', `no action ${id}`);
    const character = findCharacter(query.data.character);
    if (!character) throw new AppError('not_found', `no built-in character ${query.data.character}`);
    const color = presetColor(character, query.data.color);
    if (!color) throw new AppError('bad_request', `preview colours are ${character.id}'s presets`);
    const png = await actionPreviews(`${action.id}:${character.id}:${color}`, async () => {
      const opts = {
        size: ACTION_PREVIEW_SIZE,
        frames: action.defaultFrames,
        durationMs: action.defaultDurationMs,
      };
      const seq = await engine.animateCharacter({ id: character.id, color }, action.id, {}, opts);
      // Shown, never downloaded: the quick deflate keeps this thread free for other requests.
      return encodeApng(seq, { compression: 'fast' });
    });
    return sendPicture(reply, png);
  });
}

/** Built-in art: the same bytes for everyone for a day. */
function sendPicture(reply: FastifyReply, png: Buffer) {
  return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png);
}

/**
 * Values made once per key and kept, the oldest dropped past `limit`. Requests that ask
 * while one is being made share it; one that failed is dropped, so the next asks again.
 */
function keptOnce<T>(limit: number): (key: string, make: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (key, make) => {
    const known = kept.get(key);
    if (known) return known;
    const made = make();
    made.catch(() => {
      if (kept.get(key) === made) kept.delete(key);
    });
    if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
    kept.set(key, made);
    return made;
  };
}

function isPresetPreview(request: FastifyRequest): boolean {
  const character = findCharacter((request.params as { id?: string }).id ?? '');
  const { color } = request.query as { color?: unknown };
  if (!character || (color !== undefined && typeof color !== 'string')) return false;
  return presetColor(character, color) !== undefined;
}
