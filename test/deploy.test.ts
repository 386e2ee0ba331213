import fs from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';

const read = (file: string) => fs.readFileSync(file, 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | undefined;
  steps: Instruction[];
}

/** A Dockerfile as stages of instructions: comments dropped, continuation lines joined. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    expect(op, `unparsable line: ${line}`).toBeDefined();
    if (op.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ from, name, steps: [] });
    } else {
      stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** The base image a stage ends up on, following `FROM <earlier stage>`. */
function baseImage(stages: Stage[], stage: Stage): string {
  const parent = stages.find((s) => s.name === stage.from);
  return parent ? baseImage(stages, parent) : stage.from;
}

/** Every instruction of a stage, its parent stages' first. */
function lineage(stages: Stage[], stage: Stage): Instruction[] {
  const parent = stages.find((s) => s.name === stage.from);
  return [...(parent ? lineage(stages, parent) : []), ...stage.steps];
}

/** The stage's CMD (exec form) as one command line. */
const command = (stage: Stage) =>
  (JSON.parse(stage.steps.find((s) => s.op === 'CMD')?.args ?? '[]') as string[]).join(' ');
const runs = (steps: Instruction[]) => steps.filter((s) => s.op === 'RUN').map((s) => s.args);
const user = (steps: Instruction[]) => steps.filter((s) => s.op === 'USER').at(-1)?.args;

describe('deploy/Dockerfile', () => {
  const stages = parseDockerfile(read('deploy/Dockerfile'));
  const final = stages.at(-1)!;
  const steps = lineage(stages, final);

  it('is multi-stage on Node 20 and runs as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(baseImage(stages, final)).toMatch(/^node:20[.-]/);
    expect(user(steps)).toBeDefined();
    expect(user(steps)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('ships production dependencies only, compiled where the build tools are', () => {
    const copies = steps.filter((s) => s.op === 'COPY');
    const modules = copies.find((c) => /node_modules/.test(c.args));
    const source = stages.find((s) => modules?.args.includes(`--from=${s.name} `));
    expect(source).toBeDefined();
    const sourceRuns = runs(lineage(stages, source!)).join('\n');
    expect(sourceRuns).toMatch(/npm ci --omit=dev/);
    // better-sqlite3 falls back to node-gyp: python3, make and g++ come before the install.
    expect(sourceRuns.indexOf('g++')).toBeGreaterThanOrEqual(0);
    expect(sourceRuns.indexOf('g++')).toBeLessThan(sourceRuns.indexOf('npm ci'));
    expect(runs(steps).join('\n')).not.toMatch(/g\+\+|npm (ci|install)/);
    expect(copies.some((c) => /^\.\s/.test(c.args))).toBe(false);
    // bin/popcon.mjs runs the TypeScript sources through tsx, so it must be a production dependency.
    expect(pkg.dependencies.tsx).toBeDefined();
  });

  it('builds the web app in a build stage, so `npm start` never needs Vite in the image', () => {
    const web = steps.find((s) => s.op === 'COPY' && /dist\/web/.test(s.args));
    const builder = stages.find((s) => web?.args.includes(`--from=${s.name} `));
    expect(builder).toBeDefined();
    const builderRuns = runs(lineage(stages, builder!)).join('\n');
    expect(builderRuns).toMatch(/npm ci --no-audit/);
    expect(builderRuns).toMatch(/npm run build/);
    expect(pkg.scripts.build).toMatch(/^vite build/);
    expect(pkg.devDependencies.vite).toBeDefined();
  });

  it('runs the app from the data volume in production, with the caption font installed', () => {
    const env = steps
      .filter((s) => s.op === 'ENV')
      .map((s) => s.args)
      .join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/DATA_DIR=\/data/);
    expect(runs(steps).join('\n')).toMatch(/fonts-noto-cjk/);
    expect(command(final)).toBe(pkg.scripts.start);
  });
});

describe('deploy/gpu-worker.Dockerfile', () => {
  const stages = parseDockerfile(read('deploy/gpu-worker.Dockerfile'));
  const final = stages.at(-1)!;
  const steps = lineage(stages, final);

  it('runs `popcon gpu-worker` on Node 20 as a non-root user, listening beyond loopback on 8081', () => {
    expect(baseImage(stages, final)).toMatch(/^node:20[.-]/);
    expect(user(steps)).not.toMatch(/^(root|0)(:|$)/);
    // The bundle of the entry that `npm run start:gpu-worker` runs through tsx.
    expect(command(final)).toBe('node dist/gpu-worker.mjs');
    expect(pkg.scripts['start:gpu-worker']).toBe('node --import tsx src/gpu-worker/main.ts');
    const build = stages.find((s) =>
      runs(s.steps).some((r) => r.includes('build-gpu-worker.sh dist/gpu-worker.mjs')),
    );
    expect(build).toBeDefined();
    expect(
      steps.some(
        (s) =>
          s.op === 'COPY' &&
          s.args === `--from=${build!.name} /app/dist/gpu-worker.mjs ./dist/gpu-worker.mjs`,
      ),
    ).toBe(true);
    const env = steps
      .filter((s) => s.op === 'ENV')
      .map((s) => s.args)
      .join(' ');
    expect(env).toMatch(/GPU_WORKER_HOST=0\.0\.0\.0/);
    expect(env).toMatch(/GPU_WORKER_PORT=8081/);
    expect(steps.find((s) => s.op === 'EXPOSE')?.args).toBe('8081');
    expect(steps.find((s) => s.op === 'HEALTHCHECK')?.args).toMatch(/127\.0\.0\.1:8081\/health/);
    expect(runs(lineage(stages, stages.find((s) => s.name === 'prod-deps')!)).join('\n')).toMatch(
      /npm ci --omit=dev/,
    );
  });
});

describe('deploy/Procfile', () => {
  const entries = Object.fromEntries(
    read('deploy/Procfile')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => {
        const [, name, command] = /^([a-z0-9_-]+):\s*(.+)$/.exec(l) ?? [];
        return [name, command];
      }),
  );

  it('runs web and worker with the same commands as the npm scripts', () => {
    expect(Object.keys(entries).sort()).toEqual(['web', 'worker']);
    expect(entries.web).toBe(pkg.scripts['start:web']);
    expect(entries.worker).toBe(pkg.scripts['start:worker']);
    expect(pkg.scripts['start:gpu-worker']).toBe('node --import tsx src/gpu-worker/main.ts');
  });
});

describe('deploy/fly.toml', () => {
  // biome-ignore lint/suspicious/noExplicitAny: parsed TOML walked by key.
  const fly = parseToml(read('deploy/fly.toml')) as any;

  it('is one app with web and worker process groups', () => {
    expect(typeof fly.app).toBe('string');
    expect(Object.keys(fly.processes).sort()).toEqual(['web', 'worker']);
    expect(fly.processes.web).toMatch(/^node bin\/popcon\.mjs serve\b/);
    expect(fly.processes.worker).toBe(pkg.scripts['start:worker']);
  });

  it('serves HTTP from web, starting Machines on demand, health-checked on /api/health', () => {
    const http = fly.http_service;
    expect(http.processes).toEqual(['web']);
    expect(http.auto_start_machines).toBe(true);
    expect(String(http.internal_port)).toBe(fly.env.PORT);
    expect(http.checks.map((c: { path: string; method: string }) => [c.method, c.path])).toEqual([
      ['GET', '/api/health'],
    ]);
  });

  it('mounts a volume at the data directory of the group that holds the data', () => {
    expect(fly.mounts.destination).toBe(fly.env.DATA_DIR);
    expect(fly.mounts.processes).toContain('web');
    expect(fly.env.NODE_ENV).toBe('production');
  });
});
