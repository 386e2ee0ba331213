import { type CSSProperties, useEffect, useId, useState } from 'react';
import { clampFrame, frameLabel, frameTiming, stripStyle } from '../../lib/frames.ts';
import type { PlatformView } from '../../lib/platform-view.ts';
import { type FramesView, getFrames } from '../../refine-api.ts';

interface FrameScrubberProps {
  jobId: string;
  index: number;
  /** The version whose file is stepped through. */
  version: number;
  platform: PlatformView;
  /** Side of the square the frame is shown in, CSS px (the card's media size). */
  size: number;
  /** What the emoji is, for the slider's name. */
  label: string;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; frames: FramesView }
  | { status: 'error'; message: string };

/**
 * Steps through the frames of the very file a platform gets, one at a time: a
 * slider (arrow keys, Home, End, Page Up/Down) over the decoded strip, with the
 * frame's number and how long it shows.
 */
export function FrameScrubber({ jobId, index, version, platform, size, label }: FrameScrubberProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [frame, setFrame] = useState(0);
  const sliderId = useId();
  const readoutId = useId();

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    getFrames(jobId, index, platform.id, version, abort.signal).then(
      (frames) => setLoad({ status: 'ready', frames }),
      (err: unknown) => {
        if (!abort.signal.aborted)
          setLoad({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => abort.abort();
  }, [jobId, index, platform.id, version]);

  if (load.status !== 'ready') {
    return (
      <div className="scrubber">
        <div
          className="scrubber__stage checker"
          style={{ width: size, height: size }}
          aria-busy={load.status === 'loading'}
        >
          <span className="scrubber__wait">
            {load.status === 'loading' ? 'Decoding frames…' : load.message}
          </span>
        </div>
      </div>
    );
  }

  const { frames } = load;
  const shown = clampFrame(frame, frames.count);
  const scale = size / frames.frameWidth;
  const stage: CSSProperties = {
    width: size,
    height: size,
    backgroundImage: `url("${frames.stripUrl}")`,
    ...stripStyle(shown, frames.count, size),
  };
  const label1 = frameLabel(shown, frames.count);
  const timing = frameTiming(frames.delaysMs, shown);
  return (
    <div className="scrubber">
      <div
        className={`scrubber__stage checker${Number.isInteger(scale) && scale > 1 ? ' is-pixelated' : ''}`}
        role="img"
        aria-label={`${label}, ${label1} of the ${platform.name} file`}
      >
        <div className="scrubber__frame" style={stage} />
      </div>
      <label htmlFor={sliderId} className="visually-hidden">
        Frame of {label}
      </label>
      <input
        id={sliderId}
        type="range"
        className="scrubber__slider"
        min={1}
        max={frames.count}
        step={1}
        value={shown + 1}
        aria-valuetext={`${label1}, ${timing}`}
        aria-describedby={readoutId}
        onChange={(e) => setFrame(Number(e.target.value) - 1)}
      />
      <p id={readoutId} className="scrubber__readout">
        <strong>{label1}</strong> <span className="muted">· {timing}</span>
      </p>
    </div>
  );
}
