import { type CSSProperties, useCallback, useEffect, useId, useState } from 'react';
import { useAction } from '../../hooks/use-action.ts';
import { formatBytes } from '../../lib/format.ts';
import type { PlatformView } from '../../lib/platform-view.ts';
import { previewSize } from '../../lib/preview-size.ts';
import { describeKnobs, originLabel } from '../../lib/regenerate-form.ts';
import {
  type EmojiVersion,
  getVersions,
  type RefineEmoji,
  selectVersion,
  type VersionList,
} from '../../refine-api.ts';
import { Alert } from '../Alert.tsx';
import { EmojiMedia } from '../EmojiMedia.tsx';
import { Modal } from '../Modal.tsx';

/** Each version's picture: large enough to compare, small enough for three or four side by side. */
const VERSION_MEDIA = 256;
/** A version card is never narrower than its title and details need. */
const MIN_CARD_MEDIA = 224;
/** A version card's width beyond its picture, the gap between cards, and the dialog's padding, as in refine.css. */
const CARD_EXTRA = 24;
const CARD_GAP = 14;
const DIALOG_PADDING = 44;
/** Side by side at most; more versions scroll. */
const MAX_COLUMNS = 4;

interface VersionsDialogProps {
  jobId: string;
  emoji: RefineEmoji;
  platform: PlatformView;
  onChanged: () => void;
  onClose: () => void;
}

/** Every render of one emoji side by side, as `platform` gets it, with a way to show any finished one. */
export function VersionsDialog({ jobId, emoji, platform, onChanged, onClose }: VersionsDialogProps) {
  const titleId = useId();
  const [list, setList] = useState<VersionList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(
    (signal?: AbortSignal) =>
      getVersions(jobId, emoji.index, signal).then(setList, (err: unknown) => {
        if (!signal?.aborted) setLoadError(err instanceof Error ? err.message : String(err));
      }),
    [jobId, emoji.index],
  );

  // The emoji's version or count changes when a render ends or another tab picks a version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: those two are the triggers to reload.
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load, emoji.version, emoji.versionCount]);

  const use = async (v: EmojiVersion) => {
    const ok = await run(`select-${v.version}`, () => selectVersion(jobId, emoji.index, v.version));
    if (!ok) return;
    setDone(`Version ${v.version} is shown now. Approve it again if you want it in the download.`);
    onChanged();
    await load();
  };

  const display = previewSize(platform.native, VERSION_MEDIA, VERSION_MEDIA);
  // As wide as the versions need, so two versions are not lost in a wide empty dialog.
  const columns = Math.min(MAX_COLUMNS, Math.max(2, list?.versions.length ?? emoji.versionCount));
  const width =
    columns * (Math.max(display.size, MIN_CARD_MEDIA) + CARD_EXTRA) +
    (columns - 1) * CARD_GAP +
    DIALOG_PADDING;
  return (
    <Modal
      labelledBy={titleId}
      className="emoji-dialog--wide"
      style={{ '--dialog-width': `${width}px` } as CSSProperties}
      onClose={onClose}
    >
      <div className="emoji-dialog__panel">
        <div className="emoji-dialog__head">
          <h2 id={titleId} className="emoji-dialog__title">
            Versions of {emoji.label}{' '}
            <span className="muted">
              · emoji {emoji.index + 1}, {platform.name} files
            </span>
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close versions">
            ×
          </button>
        </div>
        {loadError && <Alert>{loadError}</Alert>}
        {!list && !loadError && <p className="muted">Loading versions…</p>}
        {list && (
          <ol
            className="versions"
            aria-label={`Versions of ${emoji.label}`}
            style={
              { '--version-min': `${Math.max(display.size, MIN_CARD_MEDIA) + CARD_EXTRA}px` } as CSSProperties
            }
          >
            {list.versions.map((v) => (
              <VersionCard
                key={v.version}
                v={v}
                current={v.version === list.current}
                platform={platform}
                size={display.size}
                pixelated={display.pixelated}
                busy={busy === `select-${v.version}`}
                disabled={busy !== null}
                onUse={() => void use(v)}
              />
            ))}
          </ol>
        )}
        {error && <Alert title="Couldn’t switch versions">{error}</Alert>}
        <p className="muted versions__status" role="status">
          {done}
        </p>
      </div>
    </Modal>
  );
}

interface VersionCardProps {
  v: EmojiVersion;
  current: boolean;
  platform: PlatformView;
  size: number;
  pixelated: boolean;
  busy: boolean;
  disabled: boolean;
  onUse: () => void;
}

function VersionCard({ v, current, platform, size, pixelated, busy, disabled, onUse }: VersionCardProps) {
  const url = v.status === 'completed' ? v.assetUrls[platform.id] : undefined;
  const bytes = v.sizes[platform.id];
  const knobs = describeKnobs(v.params);
  const headingId = useId();
  return (
    <li className={`version${current ? ' is-current' : ''}`} aria-labelledby={headingId}>
      <div className="version__media checker" style={{ width: size, height: size }}>
        {url ? (
          <EmojiMedia
            url={url}
            format={platform.format}
            display={{ size, pixelated }}
            alt={`Version ${v.version}`}
          />
        ) : (
          <span className={`version__placeholder${v.status === 'failed' ? ' is-failed' : ''}`}>
            {v.status === 'failed' ? 'Didn’t work' : 'Rendering…'}
          </span>
        )}
      </div>
      <h3 id={headingId} className="version__title">
        Version {v.version} <span className="muted">· {originLabel(v.origin)}</span>
      </h3>
      <p className="version__details muted">
        {v.label}
        {knobs && ` · ${knobs}`}
        {bytes !== undefined && ` · ${formatBytes(bytes)}`}
      </p>
      {v.status === 'failed' && (
        <p className="badge badge--fail">✗ {v.error ?? 'This render did not work.'}</p>
      )}
      {current ? (
        <p className="pill pill--completed version__shown">Shown now</p>
      ) : (
        <button
          type="button"
          className="button button--small"
          onClick={onUse}
          disabled={disabled || v.status !== 'completed'}
        >
          {busy ? 'Switching…' : 'Use this version'}
          <span className="visually-hidden"> (version {v.version})</span>
        </button>
      )}
    </li>
  );
}
