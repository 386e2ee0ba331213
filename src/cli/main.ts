import { parseArgs } from 'node:util';
import pino from 'pino';
import { presentPlatform } from '../api/presenters.ts';
import { ensureWebBuilt, startServer } from '../api/server.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase } from '../db/sqlite.ts';
import { ACTIONS } from '../domain/actions.ts';
import { CHARACTERS } from '../domain/characters.ts';
import { isAppError } from '../domain/errors.ts';
import { platformCatalog } from '../pipeline/platform-support.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { AUDIT_OPTIONS, auditCommand } from './audit.command.ts';
import { availabilityCommand } from './availability.command.ts';
import { generateCommand } from './generate.command.ts';

const USAGE = `popcon — turn one character into an animated emoji set

Usage:
  popcon generate (--image <file> | --character <name> [--color <preset|#rrggbb>])
                  --actions <a,b,c|all> [--captions "Hi!|Love you|…"]
                  [--platforms line-emoji,discord-emoji,…] [--out out/]
  popcon platforms [--json]      list the target platforms and their rules
  popcon actions [--json]        list the action catalog
  popcon characters [--json]     list the built-in characters
  popcon serve [--no-worker]     start the web app, with the pipeline worker unless told not to
  popcon worker                  run only the pipeline worker (shares DATA_DIR with the web process)
  popcon gpu-worker              serve the render engine over HTTP (GPU_WORKER_PORT, default 8081)
  popcon migrate                 apply database migrations
  popcon availability up|down|status|health [--dry-run] [--json] [--align] [--force]
                                 open or close for the off hours (GPU pod, worker machines, flag)
  popcon audit --user <uid|email> [--job <id>] [--type <t>] [--since <ISO time>] [--limit N] [--json]
                                 a user's audit trail (newest N events, oldest first)
`;

class UsageError extends Error {}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generate(rest);
      case 'actions':
        return list(
          rest,
          ACTIONS,
          (a) => `${a.id.padEnd(12)} ${a.glyph}  ${a.label} (${a.defaultDurationMs / 1000}s)`,
        );
      case 'platforms':
        return await platforms(rest);
      case 'characters':
        return list(
          rest,
          CHARACTERS,
          (c) => `${c.id.padEnd(8)} ${c.label}  colours: ${Object.keys(c.presets).join(', ')}`,
        );
      case 'serve':
        return await serve(rest);
      case 'gpu-worker':
        parse(rest, {});
        return await (await import('../gpu-worker/server.ts')).runGpuWorker(loadConfig());
      case 'worker':
        return await worker(rest);
      case 'migrate':
        return migrateCommand(rest);
      case 'availability':
        return await availabilityCommand(rest);
      case 'audit':
        return auditCommand(loadConfig(), parse(rest, AUDIT_OPTIONS), (text) => process.stdout.write(text));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (err) {
    return reportError(err);
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

async function generate(args: string[]): Promise<number> {
  const v = parse(args, {
    image: { type: 'string' },
    character: { type: 'string' },
    color: { type: 'string' },
    actions: { type: 'string' },
    platforms: { type: 'string' },
    captions: { type: 'string' },
    out: { type: 'string' },
  });
  const config = loadConfig();
  const runtime = createRuntime(config, { logger: pino({ level: 'warn' }, pino.destination(2)) });
  try {
    const written = await generateCommand(runtime, { ...v, out: v.out ?? 'out' });
    const zips = written.filter((f) => f.endsWith('.zip'));
    process.stderr.write(`wrote ${written.length - zips.length} files and ${zips.join(', ')}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}

function list<T>(args: string[], items: readonly T[], line: (item: T) => string): number {
  const v = parse(args, { json: { type: 'boolean' } });
  process.stdout.write(v.json ? `${JSON.stringify(items, null, 2)}\n` : `${items.map(line).join('\n')}\n`);
  return 0;
}

async function platforms(args: string[]): Promise<number> {
  const v = parse(args, { json: { type: 'boolean' } });
  const catalog = (await platformCatalog(loadConfig().encoding.ffmpeg)).map(presentPlatform);
  if (v.json) {
    process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
    return 0;
  }
  for (const p of catalog) {
    const size = p.minSide === undefined ? `${p.width}×${p.height}` : `≤${p.width}×${p.height}`;
    const note = p.available ? '' : `  (unavailable: ${p.unavailableReason})`;
    process.stdout.write(
      `${p.id.padEnd(17)} ${p.format.toUpperCase().padEnd(5)} ${size.padEnd(9)} ≤${formatBytes(p.maxBytes).padEnd(8)} ${p.label}${note}\n`,
    );
  }
  return 0;
}

/** A byte limit as the platform states it: 300 KiB and 128 kB are different numbers. */
function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  if (n % 1000 === 0) return `${n / 1000} kB`;
  return `${n} B`;
}

async function serve(args: string[]): Promise<number> {
  const v = parse(args, { 'no-worker': { type: 'boolean' } });
  const config = loadConfig();
  await ensureWebBuilt();
  const server = await startServer(config, { worker: !v['no-worker'] });
  process.stderr.write(`PopCon is running at ${server.url}\n`);
  await untilSignal();
  await server.close();
  return 0;
}

async function worker(args: string[]): Promise<number> {
  parse(args, {});
  const runtime = createRuntime(loadConfig());
  runtime.worker.start();
  runtime.deps.logger.info({ concurrency: runtime.config.worker.concurrency }, 'pipeline worker started');
  await untilSignal();
  // Stop claiming, finish the tasks in flight, then exit: nothing is left half-done.
  await runtime.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function migrateCommand(args: string[]): number {
  parse(args, {});
  const config = loadConfig();
  const db = openDatabase(config.databaseFile);
  try {
    const result = migrate(db, MIGRATIONS);
    const names = result.applied.map((m) => `${m.version} ${m.name}`);
    process.stdout.write(
      names.length > 0
        ? `applied ${names.join(', ')}; schema version ${result.current}\n`
        : `up to date at schema version ${result.current}\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}

function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`popcon: ${err.message}\n(run "popcon help" for usage)\n`);
    return 2;
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`popcon: ${err.message}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`popcon: error: ${message.split('\n')[0]}\n`);
  return isAppError(err) ? 2 : 1;
}
