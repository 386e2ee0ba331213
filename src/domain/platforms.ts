/**
 * Every platform rule PopCon enforces, in one table, so that a changed rule is a
 * one-line change. Sources: LINE Creators Market guidelines, Discord developer
 * docs, Slack help, core.telegram.org/stickers, the WhatsApp stickers README.
 * LINE's emoji byte cap and Kakao's numbers are not confirmed on the platforms'
 * own pages; they are marked `assumed`.
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

export interface PlatformRules {
  id: PlatformId;
  label: string;
  format: PlatformFormat;
  width: number;
  height: number;
  maxBytes: number;
  minFrames?: number;
  maxFrames?: number;
  /** Loop time bounds in ms; `wholeSeconds` demands an integer number of seconds. */
  minDurationMs?: number;
  maxDurationMs?: number;
  wholeSeconds?: boolean;
  /** Must the animation loop forever? */
  loopForever?: boolean;
  minSetSize: number;
  maxSetSize: number;
  /** A small tab/tray image shipped with the set, when the platform wants one. */
  tab?: { width: number; height: number; maxBytes?: number };
  /** File name of emoji `index` (0-based) inside the platform's ZIP. */
  fileName: (index: number) => string;
  assumed?: readonly string[];
}

const pad3 = (i: number) => String(i + 1).padStart(3, '0');

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
    loopForever: true,
    minSetSize: 8,
    maxSetSize: 40,
    tab: { width: 96, height: 74 },
    fileName: (i) => `${pad3(i)}.png`,
    assumed: ['maxBytes'],
  },
  'line-sticker': {
    id: 'line-sticker',
    label: 'LINE animated sticker',
    format: 'apng',
    width: 320,
    height: 270,
    maxBytes: 300 * 1024,
    minFrames: 5,
    maxFrames: 20,
    maxDurationMs: 4000,
    minSetSize: 8,
    maxSetSize: 24,
    tab: { width: 96, height: 74 },
    fileName: (i) => `${pad3(i)}.png`,
  },
  'discord-emoji': {
    id: 'discord-emoji',
    label: 'Discord emoji',
    format: 'gif',
    width: 128,
    height: 128,
    maxBytes: 256 * 1024,
    minSetSize: 1,
    maxSetSize: 40,
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
    minSetSize: 1,
    maxSetSize: 40,
    fileName: (i) => `${pad3(i)}.gif`,
  },
  'telegram-sticker': {
    id: 'telegram-sticker',
    label: 'Telegram video sticker',
    format: 'webm',
    width: 512,
    height: 512,
    maxBytes: 256 * 1024,
    maxDurationMs: 3000,
    minSetSize: 1,
    maxSetSize: 120,
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
    minSetSize: 3,
    maxSetSize: 30,
    tab: { width: 96, height: 96, maxBytes: 50 * 1024 },
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
    minSetSize: 24,
    maxSetSize: 24,
    fileName: (i) => `${pad3(i)}.gif`,
    assumed: ['maxBytes', 'maxFrames'],
  },
};

/** True when `id` names a platform in the rules table. */
export function isPlatformId(id: string): id is PlatformId {
  return Object.hasOwn(PLATFORMS, id);
}
