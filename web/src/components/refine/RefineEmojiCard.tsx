import { useState } from 'react';
import type { ActionInfo } from '../../api.ts';
import { useAction } from '../../hooks/use-action.ts';
import { formatBytes } from '../../lib/format.ts';
import { emojiAsset } from '../../lib/job-labels.ts';
import type { PlatformView } from '../../lib/platform-view.ts';
import type { PreviewSize } from '../../lib/preview-size.ts';
import type { FailedRender } from '../../lib/refine-events.ts';
import { type RefineEmoji, retryEmoji, setApproved } from '../../refine-api.ts';
import { EmojiMedia } from '../EmojiMedia.tsx';
import { ValidationBadge } from '../ValidationBadge.tsx';
import { FrameScrubber } from './FrameScrubber.tsx';
import { RegenerateDialog } from './RegenerateDialog.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';

interface RefineEmojiCardProps {
  jobId: string;
  emoji: RefineEmoji;
  platform: PlatformView;
  /** The platform whose files fill `assetUrl` (replies from before per-platform URLs). */
  firstPlatform: string | undefined;
  display: PreviewSize;
  actions: readonly ActionInfo[];
  failed: FailedRender | undefined;
  /** The set changed here: fetch it again. */
  onChanged: () => void;
  /** Shows an approval at once, before the fetch confirms it. */
  onApproved: (index: number, approved: boolean) => void;
}

/**
 * One emoji on the refine page: the version shown, as `platform` gets it; whether
 * it is approved; its versions; and the ways to change it (retry, regenerate,
 * pick another version, step through its frames).
 */
export function RefineEmojiCard(props: RefineEmojiCardProps) {
  const { jobId, emoji, platform, firstPlatform, display, actions, failed, onChanged, onApproved } = props;
  const [open, setOpen] = useState<'regenerate' | 'versions' | null>(null);
  const [scrubbing, setScrubbing] = useState(false);
  const { busy, error, run } = useAction();
  const asset = emojiAsset(emoji, platform.id, firstPlatform);
  const rendering = emoji.rendering;
  const finished = emoji.status === 'completed';
  const failedEmoji = emoji.status === 'failed';
  const who = `${emoji.label} (emoji ${emoji.index + 1})`;

  const approve = (approved: boolean) =>
    run('approve', async () => {
      await setApproved(jobId, emoji.index, approved);
      onApproved(emoji.index, approved);
      onChanged();
    });
  const retry = () =>
    run('retry', async () => {
      await retryEmoji(jobId, emoji.index);
      onChanged();
    });

  const state = rendering ? 'rendering' : emoji.approved ? 'approved' : emoji.status;
  return (
    <li className={`rcard rcard--${state}`} aria-label={`${emoji.label}, emoji ${emoji.index + 1}`}>
      <div className="rcard__media-wrap">
        {scrubbing && finished ? (
          <FrameScrubber
            jobId={jobId}
            index={emoji.index}
            version={emoji.version}
            platform={platform}
            size={display.size}
            label={emoji.label}
          />
        ) : (
          <div className="rcard__media checker" style={{ width: display.size, height: display.size }}>
            {asset.url ? (
              <EmojiMedia
                url={asset.url}
                format={platform.format}
                display={display}
                alt={`${emoji.label}, version ${emoji.version}, as ${platform.name} gets it`}
              />
            ) : (
              <span className="rcard__placeholder">
                {failedEmoji ? 'Couldn’t make this one' : 'Not made yet'}
              </span>
            )}
          </div>
        )}
      </div>
      <div className="rcard__head">
        <span className="tile__num" aria-hidden="true">
          {emoji.index + 1}
        </span>
        <h3 className="rcard__title">{emoji.label}</h3>
        <span className="rcard__version" aria-hidden="true">
          v{emoji.version}
          {emoji.versionCount > 1 && <span className="muted"> of {emoji.versionCount}</span>}
        </span>
        <span className="visually-hidden">
          Version {emoji.version} of {emoji.versionCount}
        </span>
      </div>
      {emoji.params?.caption && <p className="tile__caption">“{emoji.params.caption}”</p>}
      <p className="rcard__rendering" role="status">
        {rendering && (
          <>
            <span className="spinner" aria-hidden="true" /> Rendering version {rendering.version}…
          </>
        )}
      </p>
      <p className="rcard__meta">
        {emoji.approved ? (
          <span className="pill pill--completed">✓ Approved</span>
        ) : (
          <span className="pill">{finished ? 'Not approved' : failedEmoji ? 'Failed' : 'Waiting'}</span>
        )}
        {asset.bytes !== null && <span className="muted">{formatBytes(asset.bytes)}</span>}
      </p>
      {failed && failed.version !== emoji.version && !rendering && (
        <p className="badge badge--fail">
          ✗ Version {failed.version} didn’t work: {failed.reason}
        </p>
      )}
      <ValidationBadge emoji={emoji} platform={platform} />
      <div className="rcard__actions">
        {!failedEmoji && (
          <CardButton
            label={emoji.approved ? 'Unapprove' : 'Approve'}
            who={who}
            tone={emoji.approved ? 'ghost' : 'primary'}
            disabled={busy !== null || !finished}
            onClick={() => void approve(!emoji.approved)}
          />
        )}
        {/* A failed emoji has nothing to approve: trying again is what it needs first. */}
        <CardButton
          label={busy === 'retry' ? 'Starting…' : failedEmoji ? 'Try again' : 'Retry'}
          who={who}
          tone={failedEmoji ? 'primary' : undefined}
          disabled={busy !== null || rendering !== null}
          onClick={() => void retry()}
        />
        <CardButton
          label="Regenerate"
          who={who}
          dialog
          disabled={rendering !== null}
          onClick={() => setOpen('regenerate')}
        />
        <CardButton label="Versions" who={`of ${who}`} dialog onClick={() => setOpen('versions')} />
        {finished && (
          <CardButton
            label="Frames"
            who={`of ${who}`}
            pressed={scrubbing}
            onClick={() => setScrubbing((s) => !s)}
          />
        )}
      </div>
      {error && (
        <p className="badge badge--fail rcard__error" role="alert">
          {error}
        </p>
      )}
      {open === 'regenerate' && (
        <RegenerateDialog
          jobId={jobId}
          emoji={emoji}
          actions={actions}
          onStarted={onChanged}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'versions' && (
        <VersionsDialog
          jobId={jobId}
          emoji={emoji}
          platform={platform}
          onChanged={onChanged}
          onClose={() => setOpen(null)}
        />
      )}
    </li>
  );
}

interface CardButtonProps {
  /** What the button shows. */
  label: string;
  /** Which emoji it acts on, read after the label by screen readers ("Retry Hello (emoji 1)"). */
  who: string;
  tone?: 'primary' | 'ghost';
  /** It opens a dialog. */
  dialog?: boolean;
  /** A toggle: on or off. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** One of a card's small action buttons, named with its emoji so a list of cards reads unambiguously. */
function CardButton({ label, who, tone, dialog, pressed, disabled, onClick }: CardButtonProps) {
  return (
    <button
      type="button"
      className={`button button--small${tone ? ` button--${tone}` : ''}`}
      aria-haspopup={dialog ? 'dialog' : undefined}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {who}</span>
    </button>
  );
}
