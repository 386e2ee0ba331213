import type { Emoji } from '../api.ts';
import { emojiVerdict } from '../lib/job-labels.ts';
import type { PlatformView } from '../lib/platform-view.ts';

/** "Passes Discord rules", or the rules an emoji breaks there. */
export function ValidationBadge({ emoji, platform }: { emoji: Emoji; platform: PlatformView }) {
  const verdict = emojiVerdict(emoji, platform.id);
  switch (verdict.kind) {
    case 'pending':
      return null;
    case 'pass':
      return (
        <p className="badge badge--pass">
          <span aria-hidden="true">✓</span> Passes {platform.name} rules
        </p>
      );
    case 'fail':
      return (
        <div className="badge badge--fail">
          <span aria-hidden="true">✗</span>
          <span>
            <span className="visually-hidden">Breaks {platform.name} rules: </span>
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
