import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config/config.ts';
import { createController } from '../ops/controller.factory.ts';
import { renderRun } from '../ops/report.ts';

/** The usage line `popcon help` shows. */
export const AVAILABILITY_USAGE =
  '  popcon availability up|down|status|health [--dry-run] [--json] [--align] [--force]\n' +
  '                                 open or close for the off hours (GPU pod, worker machines, flag)\n';

const ACTIONS = ['up', 'down', 'status', 'health'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * `popcon availability …`: converges to the desired state and prints what it
 * found and did (text, or one JSON object with --json). Exit status: 0 when the
 * desired state was reached, 1 when not, 2 for a usage or configuration error.
 */
export async function availabilityCommand(
  args: string[],
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    out.stderr.write(
      `popcon availability: ${err instanceof Error ? err.message : String(err)}\n${AVAILABILITY_USAGE}`,
    );
    return 2;
  }
  const { action, flags } = parsed;
  const config = loadConfig();
  // Logs go to stderr as JSON lines; stdout carries only the result.
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  const { controller, close } = createController(config, { logger });
  try {
    const opts = { dryRun: flags['dry-run'], align: flags.align, force: flags.force };
    const result =
      action === 'up'
        ? await controller.up(opts)
        : action === 'down'
          ? await controller.down(opts)
          : action === 'health'
            ? await controller.health(opts)
            : await controller.status();
    out.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : renderRun(result));
    return result.ok ? 0 : 1;
  } finally {
    await close();
  }
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      align: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const [action, ...extra] = positionals;
  if (!ACTIONS.includes(action as Action) || extra.length > 0) {
    throw new Error(
      `expected one of ${ACTIONS.join(', ')}${action ? `, not "${positionals.join(' ')}"` : ''}`,
    );
  }
  return { action: action as Action, flags: values };
}
