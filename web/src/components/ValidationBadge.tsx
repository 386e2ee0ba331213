import type { Emoji } from '../api.ts';
import { emojiVerdict } from '../lib/job-labels.ts';

/** "Passes LINE rules", or the rules an emoji breaks. */
export function ValidationBadge({ emoji, platform }: { emoji: Emoji; platform: string }) {
  const verdict = emojiVerdict(emoji, platform);
  switch (verdict.kind) {
    case 'pending':
      return null;
    case 'pass':
      return (
        <p className="badge badge--pass">
          <span aria-hidden="true">✓</span> Passes LINE rules
        </p>
      );
    case 'fail':
      return (
        <div className="badge badge--fail">
          <span aria-hidden="true">✗</span>
          <span>
            <span className="visually-hidden">Breaks LINE rules: </span>
            {verdict.messages.join(' · ')}
          </span>
        </div>
      );
    case 'error':
      return (
        <p className="badge badge--fail">
          <span aria-hidden="true">✗</span> {verdict.message}
        </p>
      );
  }
}
