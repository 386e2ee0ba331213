import type { RunResult, StepStatus } from './controller.ts';

const MARK: Record<StepStatus, string> = {
  ok: 'ok',
  changed: 'changed',
  planned: 'planned',
  skipped: 'skipped',
  warning: 'WARNING',
  failed: 'FAILED',
};

/** A run as lines for a terminal or a CI log: one step a line, the outcome first. */
export function renderRun(result: RunResult): string {
  const head = `popcon availability ${result.command}: ${result.ok ? 'ok' : 'NOT REACHED'}${result.dryRun ? ' (dry run: nothing changed)' : ''}`;
  const width = Math.max(0, ...result.steps.map((s) => s.step.length));
  const lines = result.steps.map(
    (s) => `  ${s.step.padEnd(width)}  ${MARK[s.status].padEnd(7)}  ${s.detail}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}
