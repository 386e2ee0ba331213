/**
 * The gpu-worker HTTP contract, shared by the service (src/gpu-worker) and the
 * client (http.engine.ts). Requests and replies are validated with these
 * schemas on both sides, and GET /openapi.json is generated from them, so
 * another implementation (a Python model server on the pod) can serve the
 * same contract.
 *
 * Payloads. Requests are JSON with images as base64 PNG: a matte request is
 * once per job, an animate request carries a ~100 KB cut-out, and base64 in
 * JSON costs ~2 ms per 100 KB here, which buys one self-describing schema.
 * The animate reply is the big, per-emoji payload (a 16-frame 180 px master is
 * ~425 KB), so it is the raw APNG (`image/apng`) with its metadata in
 * headers: measured on this machine, base64 + JSON.stringify + JSON.parse +
 * validation of 425 KB took 10–20 ms per emoji, as long as rendering it, and
 * 33 % more bytes through the pod's proxy.
 */
import { z } from 'zod';

/** Paths of the contract's endpoints. */
export const ROUTES = {
  health: '/health',
  ready: '/ready',
  matte: '/v1/matte',
  animate: '/v1/animate',
  openapi: '/openapi.json',
} as const;

/** Version of this contract, reported by /health. Bump on a breaking change. */
export const CONTRACT_VERSION = '1';

/** Media type of the animate reply: a lossless APNG master. */
export const MASTER_CONTENT_TYPE = 'image/apng';

/** Largest width or height of an image sent to the worker (matches the upload limit of the API). */
export const MAX_IMAGE_SIDE = 4096;

/**
 * Largest raw animation a request may ask for (size² × frames × 4 bytes): a
 * 3 s, 30 fps, 512 px Telegram sticker is 94 MB; this bounds one request's memory.
 */
export const MAX_ANIMATION_BYTES = 128 * 1024 * 1024;

/** Headers of the animate reply. */
export const MASTER_HEADERS = {
  taskId: 'x-popcon-task-id',
  width: 'x-popcon-width',
  height: 'x-popcon-height',
  frameCount: 'x-popcon-frame-count',
  durationMs: 'x-popcon-duration-ms',
  frameDelays: 'x-popcon-frame-delays',
  cache: 'x-popcon-cache',
} as const;

/**
 * Idempotency key of a render. The same id with the same request returns the
 * cached result instead of rendering again; the same id with a different
 * request is a 409.
 */
export const TaskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,160}$/)
  .describe('Deterministic id of the render task (idempotency key): letters, digits and ._:-');

const PngBase64 = (what: string) => z.base64().min(1).describe(`${what}, base64`);
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected #rrggbb');
const Side = z.number().int().min(1).max(MAX_IMAGE_SIDE);

/** A built-in character, sent instead of a cut-out. */
export const CharacterSpecSchema = z.object({
  id: z.string().min(1).max(32).describe('built-in character id (blob, cat, bear)'),
  color: HexColor.describe('body colour'),
});

/**
 * Per-emoji knobs, as loose as the engine itself: it clamps speed and intensity,
 * so the contract only bounds sizes and formats, never changes what renders.
 */
export const ActionParamsSchema = z.object({
  speed: z.number().optional(),
  intensity: z.number().optional(),
  caption: z.string().max(200).optional(),
  accent: HexColor.optional(),
  seed: z.number().optional(),
});

/** POST /v1/matte request: an image to cut out. */
export const MatteRequestSchema = z.object({
  taskId: TaskIdSchema,
  image: PngBase64('the picture (PNG, JPEG or WebP)'),
});

/** POST /v1/matte reply: the cut-out on the working canvas, its mask, and the matte at the picture's size. */
export const MatteReplySchema = z.object({
  taskId: TaskIdSchema,
  width: Side,
  height: Side,
  cutout: PngBase64('the cut-out, RGBA PNG (straight alpha), normalised to the working canvas'),
  mask: PngBase64('the cut-out mask, 8-bit greyscale PNG of the same size (its alpha)'),
  matte: PngBase64('the picture with its background made transparent, RGBA PNG at the picture’s own size'),
});

/** POST /v1/animate request: a cut-out (or a built-in character), an action and its parameters. */
export const AnimateRequestSchema = z
  .object({
    taskId: TaskIdSchema,
    cutout: PngBase64('the cut-out, RGBA PNG').optional(),
    character: CharacterSpecSchema.optional().describe('a built-in character, sent instead of a cut-out'),
    action: z.string().min(1).max(32).describe('action id from the catalog'),
    params: ActionParamsSchema.default({}),
    size: z.number().int().min(16).max(1024).describe('frame width and height in pixels'),
    frames: z.number().int().min(1).max(120),
    durationMs: z.number().positive().max(60_000).describe('time of one whole loop'),
  })
  .refine((r) => (r.cutout === undefined) !== (r.character === undefined), {
    message: 'send exactly one of cutout or character',
  })
  .refine((r) => r.size * r.size * 4 * r.frames <= MAX_ANIMATION_BYTES, {
    message: `size² × frames × 4 must be at most ${MAX_ANIMATION_BYTES} bytes`,
  })
  .meta({ oneOf: [{ required: ['cutout'] }, { required: ['character'] }] });

/** Loop timing as `num/den` seconds per frame, comma-separated (the APNG fcTL delays). */
const FrameDelaysHeader = z.string().regex(/^\d+\/\d+(,\d+\/\d+)*$/);

/** Headers of the POST /v1/animate reply (values are strings on the wire). */
export const AnimateReplyHeadersSchema = z.object({
  [MASTER_HEADERS.taskId]: TaskIdSchema,
  [MASTER_HEADERS.width]: z.coerce.number().int().min(1).max(1024),
  [MASTER_HEADERS.height]: z.coerce.number().int().min(1).max(1024),
  [MASTER_HEADERS.frameCount]: z.coerce.number().int().min(1).max(120),
  [MASTER_HEADERS.durationMs]: z.coerce.number().positive().max(60_000),
  [MASTER_HEADERS.frameDelays]: FrameDelaysHeader,
  [MASTER_HEADERS.cache]: z.enum(['miss', 'hit', 'coalesced']).optional(),
});

/** GET /health reply: the process is alive, with counters for operators. */
export const HealthReplySchema = z.object({
  status: z.literal('ok'),
  state: z.enum(['warming', 'ready', 'draining']),
  contract: z.string(),
  inFlight: z.number().int().min(0).describe('renders running now'),
  capacity: z.number().int().min(1).describe('renders allowed at once (GPU_WORKER_CONCURRENCY)'),
  renders: z.object({ matte: z.number().int().min(0), animate: z.number().int().min(0) }),
  cache: z.object({
    entries: z.number().int().min(0),
    hits: z.number().int().min(0),
    coalesced: z.number().int().min(0),
  }),
});

/** GET /ready reply: 200 with `ready`, or 503 while warming up or draining. */
export const ReadyReplySchema = z.object({ status: z.enum(['ready', 'warming', 'draining']) });

/** Every error reply: the same shape as the PopCon API's. */
export const ErrorReplySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Error codes the worker answers with, and what a client should do about them. */
export const ERROR_CODES = {
  bad_request: 'the request does not match the contract (400); do not retry',
  unauthorized: 'missing or wrong bearer token (401); do not retry',
  not_found: 'no such route (404)',
  task_conflict: 'the task id was used before with a different request (409); do not retry',
  payload_too_large: 'the body is over the limit (413); do not retry',
  invalid_image: 'the picture cannot be decoded or has no character in it (422); do not retry',
  render_failed: 'the engine refused the render (422); do not retry the same request',
  overloaded: 'every render slot is busy (429); retry after Retry-After seconds',
  internal: 'the worker failed (500); retry with backoff',
  not_ready: 'warming up or shutting down (503); wait for /ready, then retry',
} as const;

export type MatteRequest = z.infer<typeof MatteRequestSchema>;
export type MatteReply = z.infer<typeof MatteReplySchema>;
export type AnimateRequest = z.infer<typeof AnimateRequestSchema>;
export type AnimateReplyHeaders = z.infer<typeof AnimateReplyHeadersSchema>;
export type HealthReply = z.infer<typeof HealthReplySchema>;
export type ReadyReply = z.infer<typeof ReadyReplySchema>;
export type ErrorReply = z.infer<typeof ErrorReplySchema>;
