import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Schedule } from '../src/availability/schedule.ts';

const DIR = path.resolve(import.meta.dirname, '../.github/workflows');
const NAMES = [
  'availability-up.yml',
  'availability-down.yml',
  'availability-health.yml',
  'availability-manual.yml',
];

interface Step {
  run?: string;
  env?: Record<string, string>;
  uses?: string;
}
interface Workflow {
  on: {
    schedule?: { cron: string }[];
    workflow_dispatch?: { inputs: Record<string, { type: string; options?: string[] }> };
  };
  permissions: Record<string, string> | string;
  concurrency: { group: string };
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

const workflows = Object.fromEntries(
  NAMES.map((n) => [n, parse(fs.readFileSync(path.join(DIR, n), 'utf8')) as Workflow]),
) as Record<string, Workflow>;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** The minutes a cron minute field fires on (numbers, ranges, lists, steps). */
function cronValues(field: string, min: number, max: number): number[] {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range, step] = part.split('/');
    const [from, to] = range === '*' ? [min, max] : (range!.split('-').map(Number) as [number, number?]);
    const end = to ?? (step ? max : from!);
    for (let v = from!; v <= end; v += Number(step ?? 1)) out.add(v);
  }
  return [...out];
}

describe.each(NAMES)('the %s workflow', (name) => {
  const w = workflows[name]!;

  it('never puts an input or event field inside a run: script', () => {
    for (const run of runs(w)) expect(run).not.toMatch(/\$\{\{\s*(inputs|github\.event)\./);
  });

  it('passes secrets through env only', () => {
    for (const run of runs(w)) expect(run).not.toMatch(/\$\{\{\s*secrets\./);
    const envSecrets = steps(w)
      .flatMap((s) => Object.values(s.env ?? {}))
      .filter((v) => /secrets\./.test(v));
    expect(envSecrets.length).toBeGreaterThan(0);
  });

  it('reads the repository and nothing more, and shares one concurrency group', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(w.jobs)) expect(job.permissions).toBeUndefined();
    expect(w.concurrency.group).toBe('popcon-availability');
  });

  it('runs its crons off the hour', () => {
    for (const { cron } of w.on.schedule ?? [])
      expect(cronValues(cron.split(' ')[0]!, 0, 59)).not.toContain(0);
  });
});

describe('the scheduled workflows', () => {
  const tokyo = Schedule.parse('Mon-Sun 19:00-24:00', 'Asia/Tokyo');
  const times = (name: string) => {
    const [minute, hour] = workflows[name]!.on.schedule![0]!.cron.split(' ');
    return cronValues(hour!, 0, 23).flatMap((h) =>
      cronValues(minute!, 0, 59).map((m) => Date.UTC(2026, 2, 2, h, m)),
    );
  };

  it('open in the evening and close at night, each with --align, around the documented window', () => {
    expect(runs(workflows['availability-up.yml']!).at(-1)).toBe('npx popcon availability up --align --json');
    expect(runs(workflows['availability-down.yml']!).at(-1)).toBe(
      'npx popcon availability down --align --json',
    );
    const [up] = times('availability-up.yml');
    const [down] = times('availability-down.yml');
    // Both start within the 30 min an aligned run waits, before the edge they serve.
    expect(tokyo.state(up!).opensAt! - up!).toBeLessThanOrEqual(30 * 60_000);
    expect(tokyo.state(down!)).toMatchObject({ open: true });
    expect(tokyo.state(down!).closesAt! - down!).toBeLessThanOrEqual(30 * 60_000);
  });

  it('check health every 15 minutes, only inside the window', () => {
    const health = times('availability-health.yml');
    expect(health).toHaveLength(4 * 5);
    for (const t of health) expect(tokyo.state(t).open).toBe(true);
  });
});

describe('the manual workflow', () => {
  const w = workflows['availability-manual.yml']!;
  const step = steps(w).find((s) => s.run?.includes('npx popcon availability'))!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-workflow-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // A fake npx records its arguments, so the real script runs without touching anything.
  fs.writeFileSync(path.join(dir, 'npx'), `#!/bin/sh\necho "$@" > "${dir}/called"\n`, { mode: 0o755 });
  function run(action: string, dryRun = 'false') {
    fs.rmSync(path.join(dir, 'called'), { force: true });
    const res = spawnSync('bash', ['-e', '-c', step.run!], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, ACTION: action, DRY_RUN: dryRun },
      encoding: 'utf8',
      cwd: dir,
    });
    const called = fs.existsSync(path.join(dir, 'called'))
      ? fs.readFileSync(path.join(dir, 'called'), 'utf8').trim()
      : null;
    return { code: res.status, called };
  }

  it('offers a choice input and hands it to the script through env', () => {
    const input = w.on.workflow_dispatch!.inputs.action!;
    expect(input.type).toBe('choice');
    expect(input.options).toEqual(['status', 'health', 'up', 'down']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template.
    expect(step.env?.ACTION).toBe('${{ inputs.action }}');
  });

  it.each([
    ['status', 'false', 'popcon availability status --json'],
    ['health', 'true', 'popcon availability health --dry-run --json'],
    ['up', 'false', 'popcon availability up --force --json'],
    ['down', 'true', 'popcon availability down --force --dry-run --json'],
  ])('runs %s (dry run %s) as the controller command', (action, dryRun, expected) => {
    expect(run(action, dryRun)).toEqual({ code: 0, called: expected });
  });

  it.each(['up; touch pwned', '$(touch pwned)', 'down --force', '', 'UP'])(
    'refuses %j without running anything',
    (action) => {
      expect(run(action)).toEqual({ code: 2, called: null });
      expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    },
  );

  it('refuses a dry_run that is not a boolean', () => {
    expect(run('status', 'yes')).toEqual({ code: 2, called: null });
  });
});
