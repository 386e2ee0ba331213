import {
  combinedSetRule,
  listAnd,
  listOr,
  nameWithVerb,
  type SetSizeRules,
  shortName,
} from './platform-rules.ts';

export interface ReadinessInput {
  source: 'upload' | 'character';
  hasFile: boolean;
  characterId: string | null;
  count: number;
  /** The chosen platforms, in the picker's order. */
  platforms: readonly SetSizeRules[];
  /** The server's largest set, whatever the platforms allow. */
  cap: number;
  /** Why a caption can't be sent (see emoji-drafts), or null. */
  captionProblem?: string | null;
}

interface SizeProblem {
  /** Lower is stricter: a platform with one allowed size is the one to follow first. */
  rank: number;
  /** How far the set is from this platform's bound; the farthest bound is the binding one. */
  distance: number;
  message: string;
}

function sizeProblem(p: SetSizeRules, count: number, cap: number): SizeProblem | null {
  const max = Math.min(p.maxSetSize, cap);
  if (p.setSizes && p.setSizes.length > 0) {
    if (p.setSizes.includes(count)) return null;
    return { rank: 1, distance: 0, message: `${nameWithVerb(p, 'need')} ${listOr(p.setSizes)} emojis` };
  }
  if (p.minSetSize === max && count !== max)
    return { rank: 0, distance: 0, message: `${nameWithVerb(p, 'need')} exactly ${max} emojis` };
  if (count < p.minSetSize) {
    const more = p.minSetSize - count;
    const message =
      count === 0
        ? `Pick at least ${p.minSetSize} actions`
        : `Pick ${more} more action${more === 1 ? '' : 's'} — ${nameWithVerb(p, 'need')} at least ${p.minSetSize}`;
    return { rank: 2, distance: more, message };
  }
  if (count > max)
    return {
      rank: 2,
      distance: count - max,
      message: `Remove ${count - max} — ${nameWithVerb(p, 'allow')} at most ${max}`,
    };
  return null;
}

/**
 * The first thing stopping a submit, phrased as what to do next; null when
 * ready. With several platforms, the strictest one that the set breaks speaks
 * ("KakaoTalk needs exactly 24 emojis — you have 9.").
 */
export function whyNotReady(input: ReadinessInput): string | null {
  const { source, hasFile, characterId, count, platforms, cap } = input;
  if (source === 'upload' && !hasFile) return 'Add an image of your character to continue.';
  if (source === 'character' && !characterId) return 'Pick a built-in character to continue.';
  if (platforms.length === 0) return 'Choose at least one place your set goes.';
  const rule = combinedSetRule(platforms, cap);
  if (rule.sizes?.length === 0)
    return `No set size suits ${listAnd(platforms.map(shortName))} at once — make them as separate sets.`;
  const problems = platforms
    .map((p) => sizeProblem(p, count, cap))
    .filter((p): p is SizeProblem => p !== null)
    .sort((a, b) => a.rank - b.rank || b.distance - a.distance);
  const first = problems[0];
  if (first) return first.rank < 2 ? `${first.message} — you have ${count}.` : `${first.message}.`;
  return input.captionProblem ?? null;
}
