/**
 * Every platform rule PopCon enforces, in one table, so that a changed rule is a
 * one-line change. Encoders, budget fitters, validators and ZIP layouts all read it.
 * Sources: LINE Creators Market guidelines (animated emoji, animated stickers),
 * Discord developer docs, Slack help, core.telegram.org/stickers, the WhatsApp
 * stickers README. Numbers not confirmed on the platform's own pages are listed
 * in `assumed`.
 */
export type PlatformId =
  | 'line-emoji'
  | 'line-sticker'
  | 'discord-emoji'
  | 'slack-emoji'
  | 'telegram-sticker'
  | 'whatsapp-sticker'
  | 'kakao-emoticon';

export type PlatformFormat = 'apng' | 'gif' | 'webp' | 'webm';

/**
 * How often an animation plays. `forever`: it must loop forever. `plays`: it must play a
 * bounded number of times whose total time stays within `maxTotalMs` (LINE: "1 s × 4 loops
 * = 4 s"; an endless loop has no total time, so it breaks that rule).
 */
export type LoopRule = { kind: 'forever' } | { kind: 'plays'; min: number; max: number; maxTotalMs: number };

/** A per-set still image shipped next to the animations (tab, main image, tray icon). */
export interface ExtraImage {
  /** File name inside the ZIP. */
  name: string;
  width: number;
  height: number;
  maxBytes?: number;
}

export interface PlatformRules {
  id: PlatformId;
  label: string;
  format: PlatformFormat;
  /** Canvas size in px: exact, unless `minSide` is set, then both are maxima. */
  width: number;
  height: number;
  /** With `minSide`, the canvas fits within width×height and its longer side is at least this. */
  minSide?: number;
  maxBytes: number;
  minFrames?: number;
  maxFrames?: number;
  /** Loop time bounds in ms; `wholeSeconds` demands an integer number of seconds. */
  minDurationMs?: number;
  maxDurationMs?: number;
  wholeSeconds?: boolean;
  /** Highest frame rate (frames per second). */
  maxFps?: number;
  /** Shortest frame delay in ms (browsers show GIF delays under 20 ms as 100 ms). */
  minFrameMs?: number;
  /** How the animation must loop; absent where the format has no loop count (video). */
  loop?: LoopRule;
  /** Must the file have an alpha channel (a transparent background)? */
  transparency: boolean;
  /** WebM only: the one video codec allowed, as Matroska names it. */
  videoCodec?: string;
  /** WebM only: an audio track is not allowed. */
  noAudio?: boolean;
  minSetSize: number;
  maxSetSize: number;
  /** When the platform only takes some set sizes between min and max (LINE stickers: 8, 16, 24). */
  setSizes?: readonly number[];
  /** Per-set still images (see `platformExtras` in src/encode). */
  extras: readonly ExtraImage[];
  /** File name of emoji `index` (0-based) inside the platform's ZIP. */
  fileName: (index: number) => string;
  assumed?: readonly string[];
}

const pad = (width: number) => (i: number) => String(i + 1).padStart(width, '0');
const pad2 = pad(2);
const pad3 = pad(3);

const LINE_TAB: ExtraImage = { name: 'tab.png', width: 96, height: 74 };
/** LINE: 1–4 plays, at most 4 s of playback in total. */
const LINE_LOOP: LoopRule = { kind: 'plays', min: 1, max: 4, maxTotalMs: 4000 };
const FOREVER: LoopRule = { kind: 'forever' };

export const PLATFORMS: Readonly<Record<PlatformId, PlatformRules>> = {
  'line-emoji': {
    id: 'line-emoji',
    label: 'LINE animated emoji',
    format: 'apng',
    width: 180,
    height: 180,
    maxBytes: 300 * 1024,
    minFrames: 5,
    maxFrames: 20,
    minDurationMs: 1000,
    maxDurationMs: 4000,
    wholeSeconds: true,
    loop: LINE_LOOP,
    transparency: true,
    minSetSize: 8,
    maxSetSize: 40,
    extras: [LINE_TAB],
    fileName: (i) => `${pad3(i)}.png`,
    assumed: ['maxBytes'],
  },
  'line-sticker': {
    id: 'line-sticker',
    label: 'LINE animated sticker',
    format: 'apng',
    width: 320,
    height: 270,
    minSide: 270,
    maxBytes: 300 * 1024,
    minFrames: 5,
    maxFrames: 20,
    maxDurationMs: 4000,
    loop: LINE_LOOP,
    transparency: true,
    minSetSize: 8,
    maxSetSize: 24,
    setSizes: [8, 16, 24],
    extras: [{ name: 'main.png', width: 240, height: 240 }, LINE_TAB],
    fileName: (i) => `${pad2(i)}.png`,
  },
  'discord-emoji': {
    id: 'discord-emoji',
    label: 'Discord emoji',
    format: 'gif',
    width: 128,
    height: 128,
    maxBytes: 256 * 1024,
    minFrameMs: 20,
    loop: FOREVER,
    transparency: false,
    minSetSize: 1,
    maxSetSize: 40,
    extras: [],
    fileName: (i) => `${pad3(i)}.gif`,
  },
  'slack-emoji': {
    id: 'slack-emoji',
    label: 'Slack emoji',
    format: 'gif',
    width: 128,
    height: 128,
    maxBytes: 128 * 1000,
    maxFrames: 50,
    minFrameMs: 20,
    loop: FOREVER,
    transparency: false,
    minSetSize: 1,
    maxSetSize: 40,
    extras: [],
    fileName: (i) => `${pad3(i)}.gif`,
  },
  'telegram-sticker': {
    id: 'telegram-sticker',
    label: 'Telegram video sticker',
    format: 'webm',
    width: 512,
    height: 512,
    minSide: 512,
    maxBytes: 256 * 1024,
    maxDurationMs: 3000,
    maxFps: 30,
    transparency: false,
    videoCodec: 'V_VP9',
    noAudio: true,
    minSetSize: 1,
    maxSetSize: 120,
    extras: [],
    fileName: (i) => `${pad3(i)}.webm`,
  },
  'whatsapp-sticker': {
    id: 'whatsapp-sticker',
    label: 'WhatsApp animated sticker',
    format: 'webp',
    width: 512,
    height: 512,
    maxBytes: 500 * 1024,
    maxDurationMs: 10000,
    minFrameMs: 8,
    loop: FOREVER,
    transparency: true,
    minSetSize: 3,
    maxSetSize: 30,
    extras: [{ name: 'tray.png', width: 96, height: 96, maxBytes: 50 * 1024 }],
    fileName: (i) => `${pad3(i)}.webp`,
  },
  'kakao-emoticon': {
    id: 'kakao-emoticon',
    label: 'KakaoTalk emoticon',
    format: 'gif',
    width: 360,
    height: 360,
    maxBytes: 2 * 1024 * 1024,
    maxFrames: 24,
    minFrameMs: 20,
    loop: FOREVER,
    transparency: false,
    minSetSize: 24,
    maxSetSize: 24,
    extras: [],
    fileName: (i) => `${pad3(i)}.gif`,
    assumed: ['maxBytes', 'maxFrames'],
  },
};

/** True when `id` names a platform in the rules table. */
export function isPlatformId(id: string): id is PlatformId {
  return Object.hasOwn(PLATFORMS, id);
}

/** Every platform id, in table order. */
export const PLATFORM_IDS: readonly PlatformId[] = Object.keys(PLATFORMS) as PlatformId[];

/**
 * The canvas a square or oblong master of `width`×`height` gets on `rules`: the exact size,
 * or (with `minSide`) the largest size of the same aspect within the maxima.
 */
export function canvasSize(
  rules: PlatformRules,
  width: number,
  height: number,
): { width: number; height: number } {
  if (rules.minSide === undefined) return { width: rules.width, height: rules.height };
  const scale = Math.min(rules.width / width, rules.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
