/**
 * Whether the approved emojis of a set make a download for one platform, and
 * whether their number suits that platform's set sizes (LINE stickers take 8, 16
 * or 24; KakaoTalk exactly 24). A count that does not suit still downloads: the
 * note says what the platform will want, so the user can approve more or fewer.
 */
import {
  type CombinedSetRule,
  combinedSetRule,
  fitsRule,
  nameWithVerb,
  type SetSizeRules,
  setSizeText,
} from './platform-rules.ts';

export type ApprovedReadiness = { ready: false; reason: string } | { ready: true; note: string | null };

const emojis = (n: number) => `${n} ${n === 1 ? 'emoji' : 'emojis'}`;

/** The set size nearest above `count` that `rule` allows, else the nearest below. */
function nearestSize(rule: CombinedSetRule, count: number): number {
  if (rule.sizes && rule.sizes.length > 0) {
    const sorted = [...rule.sizes].sort((a, b) => a - b);
    return sorted.find((n) => n >= count) ?? sorted[sorted.length - 1];
  }
  return Math.min(rule.max, Math.max(rule.min, count));
}

/**
 * Whether the approved-only ZIP for a platform can be downloaded, and what to say:
 * why not (nothing approved), or a note when `approved` does not suit its set sizes.
 * Without the platform's rules (the catalog did not load) there is no note.
 */
export function approvedReadiness(rules: SetSizeRules | null, approved: number): ApprovedReadiness {
  if (approved <= 0)
    return { ready: false, reason: 'Approve at least one emoji to download the approved ones.' };
  if (!rules) return { ready: true, note: null };
  const rule = combinedSetRule([rules], Number.POSITIVE_INFINITY);
  if (fitsRule(rule, approved)) return { ready: true, note: null };
  const target = nearestSize(rule, approved);
  const change =
    target > approved
      ? `Approve ${target - approved} more to make ${target}.`
      : `Leave out ${approved - target} to make ${target}.`;
  return {
    ready: true,
    note: `${nameWithVerb(rules, 'need')} ${setSizeText(rules)} emojis per set — you have ${emojis(approved)} approved. ${change}`,
  };
}
