/** Emojis made so far, with the current stage; announced politely as it moves. */
export function ProgressBar({
  done,
  total,
  stage,
  paused = false,
}: {
  done: number;
  total: number;
  stage: string;
  /** Off hours hold the job: the stage reads as a state, not as work under way. */
  paused?: boolean;
}) {
  const pct = total > 0 ? Math.round((Math.min(done, total) / total) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress__head" aria-live="polite">
        <span className={paused ? 'progress__stage is-paused' : 'progress__stage'}>{stage}</span>
        <span className="progress__count">
          {done} of {total} emojis
        </span>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label="Emojis made"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} emojis made`}
      >
        <div
          className={paused ? 'progress__fill is-paused' : 'progress__fill'}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
