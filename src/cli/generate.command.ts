import fs from 'node:fs/promises';
import path from 'node:path';
import { ACTIONS } from '../domain/actions.ts';
import { AppError } from '../domain/errors.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { keys } from '../pipeline/deps.ts';
import { madePlatforms } from '../pipeline/emoji-settlement.ts';
import { LOCAL_USER, type Runtime } from '../runtime/runtime.ts';
import { ProgressBar } from './progress-bar.ts';

export interface GenerateOptions {
  image?: string;
  character?: string;
  color?: string;
  actions?: string;
  platforms?: string;
  /** One caption per action, separated by "|". */
  captions?: string;
  out: string;
}

/**
 * `popcon generate`: runs a whole job in this process and writes, per platform,
 * `<out>/<platform>/<files>` (the platform's names, its still images) plus
 * `<out>/<platform>.zip`. Returns the paths written.
 */
export async function generateCommand(runtime: Runtime, opts: GenerateOptions): Promise<string[]> {
  if (!opts.image === !opts.character)
    throw new AppError('bad_request', 'give either --image <file> or --character <name>');
  if (!opts.actions) throw new AppError('invalid_actions', 'give --actions (comma-separated, or "all")');
  const actions = opts.actions.trim() === 'all' ? ACTIONS.map((a) => a.id) : opts.actions.split(',');
  // Captions are separated by "|" because commas belong in captions ("Hi, you!").
  const captions = opts.captions === undefined ? undefined : opts.captions.split('|');
  if (captions && captions.length !== actions.length) {
    throw new AppError(
      'invalid_params',
      `--captions has ${captions.length} entries for ${actions.length} actions (separate them with "|", leave one empty for no caption)`,
    );
  }
  let upload: { bytes: Uint8Array; fileName: string | null } | undefined;
  if (opts.image) {
    try {
      upload = { bytes: await fs.readFile(opts.image), fileName: path.basename(opts.image) };
    } catch {
      throw new AppError('bad_request', `cannot read ${opts.image}`);
    }
  }
  const job = await runtime.jobs.create({
    userId: LOCAL_USER.id,
    ...(captions ? { emojis: actions.map((action, i) => ({ action, caption: captions[i] })) } : { actions }),
    platforms: opts.platforms?.split(','),
    ...(opts.character ? { character: { id: opts.character, color: opts.color } } : {}),
    ...(upload ? { upload } : {}),
  });

  const bar = new ProgressBar();
  runtime.worker.start();
  const finished = await new Promise<ReturnType<typeof runtime.jobs.get>>((resolve) => {
    const check = () => {
      const state = runtime.jobs.get(job.id, LOCAL_USER.id);
      const done = state.emojis.filter((e) => e.status === 'completed' || e.status === 'failed').length;
      bar.update(done, state.emojis.length, state.job.stage === 'done' ? 'done' : state.job.stage);
      if (state.job.status === 'completed' || state.job.status === 'failed') {
        unsubscribe();
        clearInterval(timer);
        resolve(state);
      }
    };
    const unsubscribe = runtime.deps.bus.subscribe(job.id, check);
    const timer = setInterval(check, 250);
    check();
  });
  bar.finish();
  if (finished.job.status === 'failed') throw new Error(finished.job.error ?? 'the job failed');

  const written: string[] = [];
  for (const [platform, reason] of Object.entries(finished.job.unavailable))
    process.stderr.write(`popcon: ${PLATFORMS[platform as PlatformId].label} was not made: ${reason}\n`);
  for (const platform of madePlatforms(finished.job)) {
    const rules = PLATFORMS[platform];
    const dir = path.join(opts.out, platform);
    await fs.mkdir(dir, { recursive: true });
    const names = finished.emojis.map((e) => rules.fileName(e.index));
    names.push(...rules.extras.map((e) => e.name));
    for (const name of names) {
      const file = path.join(dir, name);
      await fs.writeFile(file, await runtime.deps.storage.get(keys.output(job.id, platform, name)));
      written.push(file);
    }
    const zip = path.join(opts.out, `${platform}.zip`);
    await fs.writeFile(zip, await runtime.deps.storage.get(keys.zip(job.id, platform)));
    written.push(zip);
  }
  return written;
}
