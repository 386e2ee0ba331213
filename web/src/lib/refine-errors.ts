/**
 * What the refine page says when the server refuses a change: the codes the
 * re-render and touch-up routes answer, in plain words, with when to try again.
 */

/** The parts of an ApiError these messages read. */
export interface RefusedRequest {
  code: string;
  message: string;
  retry?: { afterSeconds?: number; opensAt?: string };
}

/** "in 5 min", "in 3 h", "in about a minute". */
export function inWords(seconds: number): string {
  if (seconds < 90) return 'in about a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in ${hours} h` : `in ${Math.round(hours / 24)} days`;
}

function clock(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isNaN(t)
    ? null
    : new Date(t).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** A message for a refused re-render, approval, version choice or touch-up; `now` is for "opens in 2 h". */
export function describeRefusal(err: RefusedRequest, now: number = Date.now()): string {
  switch (err.code) {
    case 'quota_daily_emojis': {
      const after = err.retry?.afterSeconds;
      return `You’ve used all of today’s emojis.${after === undefined ? ' The limit resets tomorrow.' : ` You can render again ${inWords(after)}.`}`;
    }
    case 'off_hours': {
      const opensAt = err.retry?.opensAt;
      const at = opensAt ? clock(opensAt) : null;
      if (!opensAt || !at) return 'PopCon is closed right now. Try again when it opens.';
      const wait = Math.max(0, (Date.parse(opensAt) - now) / 1000);
      return `PopCon is closed right now. It opens again at ${at} (${inWords(wait)}).`;
    }
    case 'conflict':
      if (/already being rendered/.test(err.message))
        return 'This emoji is already being re-rendered. Wait for that version to finish, then try again.';
      if (/matte changed/.test(err.message))
        return 'The cut-out changed meanwhile. Look at it again and repeat your touch-up.';
      return sentence(err.message);
    case 'rate_limited':
      return 'That was a lot of requests at once. Wait a moment and try again.';
    default:
      return sentence(err.message);
  }
}

/** The server's message as a sentence: capitalised, with a full stop. */
export function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return 'That didn’t work. Please try again.';
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
