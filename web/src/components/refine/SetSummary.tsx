import { useAction } from '../../hooks/use-action.ts';
import { approveAll, type RefineJob } from '../../refine-api.ts';

function approveLabel(left: number, completed: number): string {
  if (completed === 0) return 'Approve all';
  if (left <= 0) return 'All approved';
  if (left === completed) return 'Approve all';
  return left === 1 ? 'Approve the last one' : `Approve the other ${left}`;
}

/** The set at a glance (how many are approved, failed, rendering) and Approve all. */
export function SetSummary({ job, onChanged }: { job: RefineJob; onChanged: () => void }) {
  const { busy, error, run } = useAction();
  const { total, completed, failed, approved, rendering } = job.counts;
  const left = completed - approved;
  const counts: [number, string][] = [
    [total, total === 1 ? 'emoji' : 'emojis'],
    [approved, 'approved'],
    [failed, 'failed'],
    [rendering, 'rendering'],
  ];
  return (
    <section className="card refine-summary" aria-labelledby="refine-summary-title">
      <div className="refine-summary__text">
        <h2 id="refine-summary-title">Keep the ones you like</h2>
        <p className="muted">
          Approve the emojis that look right and re-render the others. The approved downloads hold only
          approved emojis, numbered in order.
        </p>
        <ul className="refine-counts" aria-label="This set">
          {counts.map(([n, what]) => (
            <li key={what} className={n > 0 && what === 'failed' ? 'is-failed' : undefined}>
              <strong>{n}</strong> {what}
            </li>
          ))}
        </ul>
      </div>
      <div className="refine-summary__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null || left <= 0}
          onClick={() => void run('approve-all', () => approveAll(job.id).then(onChanged))}
        >
          {busy ? 'Approving…' : approveLabel(left, completed)}
        </button>
        {error && (
          <p className="badge badge--fail" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
