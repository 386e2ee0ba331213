import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { useAction } from '../../hooks/use-action.ts';
import { centreOf, moveCrosshair, type Point, pointShare, toPicturePoint } from '../../lib/matte-point.ts';
import { editMatte, getMatte, type MatteOp, type MatteView, rerenderAll } from '../../refine-api.ts';
import { Alert } from '../Alert.tsx';
import { SliderField } from '../KnobFields.tsx';

/** The server's default: a flat colour with its anti-aliased shades, not its neighbours. */
const DEFAULT_TOLERANCE = 32;

interface MatteEditorProps {
  jobId: string;
  /** Touch-ups so far, from the job: a change made in another tab reloads the picture. */
  edits: number;
  /** Emojis in the set, for the re-render button. */
  emojiCount: number;
  onEdited: () => void;
}

const count = new Intl.NumberFormat();

/**
 * Touch-ups of an upload's cut-out: the original picture faintly under the
 * matte, on a checkerboard, so removed parts can be seen and restored. A click
 * (or Enter on the crosshair, which the arrow keys move) floods from that pixel
 * of the original picture through similar colours.
 */
export function MatteEditor({ jobId, edits, emojiCount, onEdited }: MatteEditorProps) {
  const [view, setView] = useState<MatteView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [op, setOp] = useState<MatteOp>('erase');
  const [tolerance, setTolerance] = useState(DEFAULT_TOLERANCE);
  const [point, setPoint] = useState<Point | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const helpId = useId();
  const seen = useRef(-1);
  const matteRef = useRef<HTMLImageElement>(null);

  useEffect(() => {
    // Our own edit's reply already shows the new matte; only someone else's needs a fetch.
    if (seen.current === edits) return;
    const abort = new AbortController();
    getMatte(jobId, abort.signal).then(
      (v) => {
        seen.current = v.edits;
        setView(v);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoadError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => abort.abort();
  }, [jobId, edits]);

  if (!view) {
    return (
      <section className="card matte" aria-labelledby="matte-title">
        <h2 id="matte-title">Touch up the cut-out</h2>
        {loadError ? <Alert>{loadError}</Alert> : <p className="muted">Loading your picture…</p>}
      </section>
    );
  }

  const picture = { width: view.width, height: view.height };
  const crosshair = point ?? centreOf(picture);
  const apply = (at: Point) => {
    setPoint(at);
    void run('edit', async () => {
      const next = await editMatte(jobId, { op, x: at.x, y: at.y, tolerance });
      seen.current = next.edits;
      setView(next);
      const pixels = count.format(next.pixels ?? 0);
      setResult(`${op === 'erase' ? 'Erased' : 'Restored'} ${pixels} pixels at (${at.x}, ${at.y}).`);
      onEdited();
    }).then((ok) => {
      if (!ok) getMatte(jobId).then(setView, () => undefined);
    });
  };

  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    // A keyboard "click" (Enter, Space) has no pointer position: it applies at the crosshair.
    if (event.detail === 0) return apply(crosshair);
    const at = toPicturePoint(
      event.clientX,
      event.clientY,
      event.currentTarget.getBoundingClientRect(),
      picture,
    );
    if (at) apply(at);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moved = moveCrosshair(crosshair, event.key, event.shiftKey, picture);
    if (!moved) return;
    event.preventDefault();
    setPoint(moved);
  };
  const rerender = () =>
    void run('rerender', async () => {
      const started = await rerenderAll(jobId);
      const busyNote =
        started.skipped.length > 0
          ? ` ${started.skipped.length} already rendering ${started.skipped.length === 1 ? 'is' : 'are'} left to finish.`
          : '';
      setResult(
        `Re-rendering ${started.renders.length} ${started.renders.length === 1 ? 'emoji' : 'emojis'} from the new cut-out.${busyNote}`,
      );
      onEdited();
    });
  const share = pointShare(crosshair, picture);
  const verb = op === 'erase' ? 'Erase' : 'Restore';

  return (
    <section className="card matte" aria-labelledby="matte-title">
      <div className="matte__text">
        <h2 id="matte-title">Touch up the cut-out</h2>
        <p className="muted">
          Leftover background? Erase it: click it in the picture. Removed too much? Restore it. Faint parts
          are what the cut-out leaves out. Touch-ups apply to emojis you re-render afterwards: one at a time
          (Retry or Regenerate), or all at once with the button below.
        </p>
        <fieldset className="matte__ops">
          <legend className="field__label">Tool</legend>
          <div className="segmented segmented--compact">
            {(['erase', 'restore'] as const).map((o) => (
              <label key={o} className={`segmented__option${op === o ? ' is-selected' : ''}`}>
                <input
                  type="radio"
                  name={`matte-op-${jobId}`}
                  className="visually-hidden"
                  checked={op === o}
                  onChange={() => setOp(o)}
                />
                <span className="segmented__label">{o === 'erase' ? 'Erase' : 'Restore'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SliderField
          label="Tolerance"
          value={tolerance}
          range={{ min: 0, max: 255 }}
          step={1}
          hint="Higher takes in more shades around the spot you pick."
          onChange={setTolerance}
        />
        {view.edits > 0 && (
          <button
            type="button"
            className="button matte__rerender"
            onClick={rerender}
            disabled={busy !== null}
          >
            Re-render all {emojiCount} emojis with this cut-out
          </button>
        )}
        <p className="matte__result" role="status">
          {busy === 'rerender'
            ? 'Starting the re-renders…'
            : busy
              ? `${verb === 'Erase' ? 'Erasing' : 'Restoring'}…`
              : result}
          {!busy && view.edits > 0 && (
            <span className="muted">
              {' '}
              {view.edits} {view.edits === 1 ? 'touch-up' : 'touch-ups'} so far.
            </span>
          )}
        </p>
        {error && <Alert title="That didn’t work">{error}</Alert>}
      </div>
      <div className="matte__stage-wrap">
        <button
          type="button"
          className={`matte__stage checker${point ? ' has-point' : ''}`}
          style={{ aspectRatio: `${view.width} / ${view.height}` }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          aria-busy={busy !== null}
          aria-describedby={helpId}
        >
          <img className="matte__source" src={view.sourceUrl} alt="" draggable={false} />
          <img ref={matteRef} className="matte__matte" src={view.matteUrl} alt="" draggable={false} />
          <span
            className="matte__crosshair"
            style={{ left: `${share.left * 100}%`, top: `${share.top * 100}%` }}
            aria-hidden="true"
          />
          <span className="visually-hidden">
            {verb} at the crosshair, x {crosshair.x}, y {crosshair.y} of {view.width} by {view.height} pixels
          </span>
        </button>
        <p id={helpId} className="muted matte__help">
          Click the picture, or focus it and move the crosshair with the arrow keys (Shift for bigger steps),
          then press Enter.
        </p>
      </div>
    </section>
  );
}
