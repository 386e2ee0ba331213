/**
 * A platform's rules in plain words, and the set sizes a choice of platforms
 * allows. Pure: the numbers come from GET /api/config, so a rule changed on the
 * server changes these texts without a web release.
 */
import type { PlatformFormat, PlatformInfo } from '../api.ts';
import { formatBytes } from './format.ts';

/** The fields of a platform that decide which set sizes it takes. */
export type SetSizeRules = Pick<PlatformInfo, 'id' | 'label' | 'minSetSize' | 'maxSetSize' | 'setSizes'>;

/** Names short enough for a sentence ("KakaoTalk needs exactly 24"); `plural` picks the verb. */
const SHORT_NAMES: Record<string, { name: string; plural?: boolean }> = {
  'line-emoji': { name: 'LINE emoji' },
  'line-sticker': { name: 'LINE stickers', plural: true },
  'discord-emoji': { name: 'Discord' },
  'slack-emoji': { name: 'Slack' },
  'telegram-sticker': { name: 'Telegram' },
  'whatsapp-sticker': { name: 'WhatsApp' },
  'kakao-emoticon': { name: 'KakaoTalk' },
};

/** "Discord", "LINE stickers": the platform as a sentence names it; the label for ids we don't know. */
export function shortName(platform: Pick<PlatformInfo, 'id' | 'label'>): string {
  return SHORT_NAMES[platform.id]?.name ?? platform.label;
}

/** "KakaoTalk needs", "LINE stickers need". */
export function nameWithVerb(platform: Pick<PlatformInfo, 'id' | 'label'>, verb: 'need' | 'allow'): string {
  return `${shortName(platform)} ${SHORT_NAMES[platform.id]?.plural ? verb : `${verb}s`}`;
}

const FORMAT_NAMES: Record<PlatformFormat, string> = {
  apng: 'Animated PNG',
  gif: 'Animated GIF',
  webp: 'Animated WebP',
  webm: 'WebM video',
};

/** "Animated PNG", "WebM video". */
export function formatName(format: PlatformFormat): string {
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

/** File extension of a format's files. */
export function formatExtension(format: PlatformFormat): string {
  return format === 'apng' ? 'png' : format;
}

/**
 * The square canvas PopCon's square animations get on a platform: the exact size,
 * or, where only maxima and a shortest long side are set, the largest square within them.
 */
export function nativeSize(platform: Pick<PlatformInfo, 'width' | 'height' | 'minSide'>): number {
  return platform.minSide === undefined ? platform.width : Math.min(platform.width, platform.height);
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `${min} ${unit}` : `${min}–${max} ${unit}`;
  if (max !== undefined) return `up to ${max} ${unit}`;
  if (min !== undefined) return `at least ${min} ${unit}`;
  return null;
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Number((ms / 1000).toFixed(2)));

/** "8–40", "exactly 24", "8, 16 or 24": the set sizes one platform takes, capped at `cap`. */
export function setSizeText(platform: SetSizeRules, cap = Number.POSITIVE_INFINITY): string {
  if (platform.setSizes && platform.setSizes.length > 0) return listOr(platform.setSizes);
  const max = Math.min(platform.maxSetSize, cap);
  return platform.minSetSize === max ? `exactly ${max}` : `${platform.minSetSize}–${max}`;
}

/** "8, 16 or 24". */
export function listOr(values: readonly (number | string)[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** "LINE emoji and Discord", "Slack, Telegram and WhatsApp". */
export function listAnd(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

/** "96 × 74", kept on one line. */
export function dimensions(width: number, height: number): string {
  return `${width}\u00a0×\u00a0${height}`;
}

/** What a platform gets, in plain words: a one-line summary and the finer rules. */
export function describePlatform(p: PlatformInfo, cap?: number): { summary: string; rules: string[] } {
  const box = `${dimensions(p.width, p.height)}\u00a0px`;
  const size = p.minSide === undefined ? box : `up to ${box}`;
  const summary = `${formatName(p.format)} · ${size} · up to ${formatBytes(p.maxBytes)}`;
  const rules: string[] = [];
  const frames = range(p.minFrames, p.maxFrames, 'frames');
  const time = range(seconds(p.minDurationMs), seconds(p.maxDurationMs), 's');
  const timing = [frames, time && `${time}${p.wholeSeconds ? ' in whole seconds' : ''}`].filter(Boolean);
  if (p.maxFps !== undefined) timing.push(`up to ${p.maxFps} fps`);
  if (timing.length > 0) rules.push(capitalize(timing.join(', ')));
  if (p.loop?.kind === 'plays')
    rules.push(`Plays ${p.loop.min}–${p.loop.max} times, ${seconds(p.loop.maxTotalMs)} s in all`);
  else if (p.loop?.kind === 'forever') rules.push('Loops forever');
  rules.push(`${capitalize(setSizeText(p, cap))} per set`);
  if (p.extras.length > 0)
    rules.push(`Plus ${listAnd(p.extras.map((e) => `${e.name} (${dimensions(e.width, e.height)})`))}`);
  return { summary, rules };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The set sizes every chosen platform takes: a range, or a list when some platform allows only some sizes. */
export interface CombinedSetRule {
  min: number;
  max: number;
  /** The only sizes allowed, when a platform lists them; empty when nothing suits every platform. */
  sizes: number[] | null;
}

/** The sizes that suit every platform in `platforms` at once, with the server's overall cap. */
export function combinedSetRule(platforms: readonly SetSizeRules[], cap: number): CombinedSetRule {
  const min = Math.max(1, ...platforms.map((p) => p.minSetSize));
  const max = Math.min(cap, ...platforms.map((p) => p.maxSetSize));
  const lists = platforms.flatMap((p) => (p.setSizes && p.setSizes.length > 0 ? [p.setSizes] : []));
  if (lists.length === 0) return { min, max, sizes: min > max ? [] : null };
  const sizes = lists[0].filter((n) => n >= min && n <= max && lists.every((l) => l.includes(n)));
  return { min, max, sizes };
}

/** True when a set of `count` emojis suits the combined rule. */
export function fitsRule(rule: CombinedSetRule, count: number): boolean {
  if (rule.sizes) return rule.sizes.includes(count);
  return count >= rule.min && count <= rule.max;
}

/** "8–40", "exactly 24", "8, 16 or 24": the combined rule in words. */
export function combinedRuleText(rule: CombinedSetRule): string {
  if (rule.sizes) return rule.sizes.length === 1 ? `exactly ${rule.sizes[0]}` : listOr(rule.sizes);
  return rule.min === rule.max ? `exactly ${rule.min}` : `${rule.min}–${rule.max}`;
}
