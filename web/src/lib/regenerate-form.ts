/**
 * The regenerate form's values and the request they make. The API keeps every
 * knob a request leaves out and clears one sent as null, so the body carries only
 * what the user changed: an untouched slider never pins a value the emoji did not
 * have, and switching the action keeps its own defaults for speed and intensity.
 */
import type { ActionInfo, EmojiParams } from '../api.ts';
import type { RegenerateBody, VersionOrigin } from '../refine-api.ts';

/** What the form edits. `accent` null is the action's own colour. */
export interface Knobs {
  action: string;
  caption: string;
  accent: string | null;
  speed: number;
  intensity: number;
}

/** What an emoji is now made with. */
export interface CurrentKnobs {
  action: string;
  params?: EmojiParams;
}

const FALLBACK = { speed: 1, intensity: 0.6 };

/** The form's starting values: the emoji's knobs, or its action's defaults for those it does not set. */
export function knobsOf(emoji: CurrentKnobs, action: ActionInfo | undefined): Knobs {
  const p = emoji.params ?? {};
  return {
    action: emoji.action,
    caption: p.caption ?? '',
    accent: p.accent ?? null,
    speed: p.speed ?? action?.params?.speed.default ?? FALLBACK.speed,
    intensity: p.intensity ?? action?.params?.intensity.default ?? FALLBACK.intensity,
  };
}

/** The regenerate request for `knobs`: only what differs from the emoji now; a cleared caption or colour as null. */
export function regenerateBody(
  emoji: CurrentKnobs,
  knobs: Knobs,
  action: ActionInfo | undefined,
): RegenerateBody {
  const before = knobsOf(emoji, action);
  const body: RegenerateBody = {};
  if (knobs.action !== before.action) body.action = knobs.action;
  const caption = knobs.caption.normalize('NFC').trim();
  if (caption !== before.caption) body.caption = caption === '' ? null : caption;
  if (knobs.accent !== before.accent) body.accent = knobs.accent;
  if (knobs.speed !== before.speed) body.speed = knobs.speed;
  if (knobs.intensity !== before.intensity) body.intensity = knobs.intensity;
  return body;
}

/** "caption “Hi!” · speed 1.5× · intensity 0.8 · colour #ff4f86", or "" for an emoji with no knobs set. */
export function describeKnobs(params: EmojiParams | undefined): string {
  if (!params) return '';
  const parts: string[] = [];
  if (params.caption) parts.push(`caption “${params.caption}”`);
  if (params.speed !== undefined) parts.push(`speed ${params.speed}×`);
  if (params.intensity !== undefined) parts.push(`intensity ${params.intensity}`);
  if (params.accent) parts.push(`colour ${params.accent}`);
  return parts.join(' · ');
}

const ORIGINS: Record<VersionOrigin, string> = {
  initial: 'First render',
  retry: 'Retry',
  regenerate: 'Regenerated',
};

/** How a version came to be, in words. */
export function originLabel(origin: VersionOrigin): string {
  return ORIGINS[origin] ?? origin;
}
