/**
 * The editor's set: an ordered list of emoji drafts, each an action plus its
 * optional caption and accent colour. Copies of an action are separate drafts
 * with their own key, so removing one copy keeps the others' captions.
 */
import type { ActionInfo, EmojiRequest } from '../api.ts';
import { pickFirst } from './selection.ts';

export interface EmojiDraft {
  /** Stable identity for React and for knowing which row is open. */
  key: string;
  action: string;
  /** As typed; trimmed and normalised only when counted or sent. */
  caption: string;
  /** `#rrggbb`, or null for the action's own colour. */
  accent: string | null;
}

/** The server's caption limit when it predates per-action knobs. */
const FALLBACK_CAPTION_MAX = 16;

/** The longest caption an action takes. */
export function captionMaxOf(action: ActionInfo | undefined): number {
  return action?.params?.caption.maxLength ?? FALLBACK_CAPTION_MAX;
}

/** Makes fresh, unique draft keys. */
export type KeySource = () => string;

/** Length as the server counts it: code points of the NFC-normalised, trimmed text ("こんにちは" is 5). */
export function captionLength(text: string): number {
  return [...text.normalize('NFC').trim()].length;
}

/** `text` cut, by code points, until it counts at most `max`; whole characters are never split. */
export function clampCaption(text: string, max: number): string {
  if (captionLength(text) <= max) return text;
  const points = [...text];
  while (points.length > 0 && captionLength(points.join('')) > max) points.pop();
  return points.join('');
}

function draft(action: string, newKey: KeySource): EmojiDraft {
  return { key: newKey(), action, caption: '', accent: null };
}

/** The actions of the drafts, in set order. */
export function actionsOf(drafts: readonly EmojiDraft[]): string[] {
  return drafts.map((d) => d.action);
}

/** A fresh set of the first `n` catalog actions (cycling past the end), at most `max`. */
export function pickDrafts(
  catalog: readonly string[],
  n: number,
  max: number,
  newKey: KeySource,
): EmojiDraft[] {
  return pickFirst(catalog, n, max).map((action) => draft(action, newKey));
}

/** Appends `action` when absent; removes every copy of it when present. Never grows past `max`. */
export function toggleDraft(
  drafts: readonly EmojiDraft[],
  action: string,
  max: number,
  newKey: KeySource,
): EmojiDraft[] {
  if (drafts.some((d) => d.action === action)) return drafts.filter((d) => d.action !== action);
  if (drafts.length >= max) return [...drafts];
  return [...drafts, draft(action, newKey)];
}

/** Removes the one draft with `key`. */
export function removeDraft(drafts: readonly EmojiDraft[], key: string): EmojiDraft[] {
  return drafts.filter((d) => d.key !== key);
}

/** Changes one draft's caption or accent. */
export function updateDraft(
  drafts: readonly EmojiDraft[],
  key: string,
  patch: Partial<Pick<EmojiDraft, 'caption' | 'accent'>>,
): EmojiDraft[] {
  return drafts.map((d) => (d.key === key ? { ...d, ...patch } : d));
}

/** The drafts as the API's `emojis` field: empty captions and untouched colours are left out. */
export function toEmojiRequests(drafts: readonly EmojiDraft[]): EmojiRequest[] {
  return drafts.map((d) => {
    const caption = d.caption.normalize('NFC').trim();
    return {
      action: d.action,
      ...(caption !== '' ? { caption } : {}),
      ...(d.accent ? { accent: d.accent } : {}),
    };
  });
}

/** Why some caption can't be sent ("Shorten caption 4 (Angry) …"), or null when all fit. */
export function captionProblem(
  drafts: readonly EmojiDraft[],
  rulesOf: (action: string) => { label: string; maxLength: number },
): string | null {
  for (const [i, d] of drafts.entries()) {
    const { label, maxLength } = rulesOf(d.action);
    const over = captionLength(d.caption) - maxLength;
    if (over > 0)
      return `Shorten caption ${i + 1} (${label}) by ${over} character${over === 1 ? '' : 's'} — at most ${maxLength} fit.`;
  }
  return null;
}

/** The emoji a server message names ("emoji 4 (angry): …" → 4), or null. */
export function emojiNumberIn(message: string): number | null {
  const match = /\bemoji (\d+)\b/.exec(message);
  return match ? Number(match[1]) : null;
}
