import { type ZodType, z } from 'zod';
import {
  AnimateReplyHeadersSchema,
  AnimateRequestSchema,
  CONTRACT_VERSION,
  ERROR_CODES,
  ErrorReplySchema,
  HealthReplySchema,
  MASTER_CONTENT_TYPE,
  MatteReplySchema,
  MatteRequestSchema,
  ReadyReplySchema,
  ROUTES,
} from '../gpu/contract.ts';

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12 without the `$schema` key). */
function schema(s: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
}

const json = (s: ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: schema(s, io) } });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

function animateHeaders() {
  const props = schema(AnimateReplyHeadersSchema, 'input') as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.fromEntries(
    Object.entries(props.properties).map(([name, s]) => [
      name,
      { required: props.required?.includes(name) ?? false, schema: s },
    ]),
  );
}

/**
 * The OpenAPI 3.1 document of the gpu-worker, generated from the zod schemas
 * that validate requests and replies: the contract cannot drift from the code.
 */
export function buildOpenApiDocument() {
  const errors = Object.entries(ERROR_CODES)
    .map(([code, meaning]) => `- \`${code}\`: ${meaning}`)
    .join('\n');
  const bearer = [{ bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'PopCon gpu-worker',
      version: CONTRACT_VERSION,
      description:
        'Render service for PopCon: cut a character out of a picture, animate a cut-out. ' +
        'Requests carrying the same taskId and the same body return the same result without rendering twice.\n\n' +
        `Error codes (body \`{"error":{"code","message"}}\`):\n${errors}`,
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: {
        Error: { description: 'An error', content: json(ErrorReplySchema, 'output') },
        Busy: {
          description: 'Every render slot is busy',
          headers: { 'retry-after': { required: true, schema: { type: 'integer', minimum: 0 } } },
          content: json(ErrorReplySchema, 'output'),
        },
        NotReady: {
          description: 'Warming up or shutting down; poll /ready',
          headers: { 'retry-after': { required: true, schema: { type: 'integer', minimum: 0 } } },
          content: json(ErrorReplySchema, 'output'),
        },
      },
    },
    paths: {
      [ROUTES.health]: {
        get: {
          summary: 'The process is alive',
          responses: { 200: { description: 'Alive', content: json(HealthReplySchema, 'output') } },
        },
      },
      [ROUTES.ready]: {
        get: {
          summary: 'Engines loaded and one warm-up render done',
          responses: {
            200: { description: 'Ready for work', content: json(ReadyReplySchema, 'output') },
            503: { description: 'Warming up or draining', content: json(ReadyReplySchema, 'output') },
          },
        },
      },
      [ROUTES.matte]: {
        post: {
          summary: 'Cut the character out of an image',
          security: bearer,
          requestBody: { required: true, content: json(MatteRequestSchema, 'input') },
          responses: {
            200: { description: 'The cut-out and its mask', content: json(MatteReplySchema, 'output') },
            ...errorResponses(),
          },
        },
      },
      [ROUTES.animate]: {
        post: {
          summary: 'Render an action as a lossless APNG master',
          security: bearer,
          requestBody: { required: true, content: json(AnimateRequestSchema, 'input') },
          responses: {
            200: {
              description: 'The frames as a lossless APNG that loops forever; frame timings in the headers',
              headers: animateHeaders(),
              content: {
                [MASTER_CONTENT_TYPE]: { schema: { type: 'string', contentMediaType: MASTER_CONTENT_TYPE } },
              },
            },
            ...errorResponses(),
          },
        },
      },
      [ROUTES.openapi]: {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
    },
  };
}

function errorResponses() {
  return {
    400: ref('Error'),
    401: ref('Error'),
    409: ref('Error'),
    413: ref('Error'),
    422: ref('Error'),
    429: ref('Busy'),
    500: ref('Error'),
    503: ref('NotReady'),
  };
}
