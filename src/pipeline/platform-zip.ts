import { zipSync } from 'fflate';
import type { EmojiResult, Job } from '../domain/job.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { platformExtras } from '../encode/index.ts';
import { cutoutKeyOf, keys, outputKeyOf, type PipelineDeps } from './deps.ts';
import { fromPng } from './image-io.ts';

/** A fixed time for every ZIP entry, so the same files always make the same ZIP. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

/**
 * One platform's ZIP for `emojis` (in set order, each with a file for the platform): each file under the platform's name
 * for its position in this ZIP (so a subset is numbered 1…n without gaps, as the
 * platforms require), the per-set still images (tab, main, tray), a manifest and
 * the validation report of every file. The extras are also stored next to the outputs.
 */
export async function buildPlatformZip(
  deps: Pick<PipelineDeps, 'storage'>,
  job: Pick<Job, 'id' | 'cutoutKey'>,
  platform: PlatformId,
  emojis: readonly EmojiResult[],
): Promise<Uint8Array> {
  const rules = PLATFORMS[platform];
  const files: Record<string, Uint8Array> = {};
  const listed = [];
  for (const [position, emoji] of emojis.entries()) {
    const output = emoji.outputs[platform];
    if (!output) throw new Error(`emoji ${emoji.index + 1} has no ${platform} file to package`);
    const name = rules.fileName(position);
    files[name] = await deps.storage.get(outputKeyOf(job.id, platform, emoji.index, output));
    listed.push({
      file: name,
      index: emoji.index,
      action: emoji.action,
      bytes: output.bytes,
      validation: output.validation,
    });
  }
  const extras = rules.extras.length > 0 ? await extraFiles(deps, job, platform) : {};
  Object.assign(files, extras);
  const manifest = {
    generator: 'PopCon',
    platform,
    label: rules.label,
    jobId: job.id,
    emojis: listed.map(({ validation: _v, ...entry }) => entry),
    extras: Object.keys(extras),
  };
  const report = listed.map((e) => ({ file: e.file, ...e.validation }));
  files['manifest.json'] = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  files['validation.json'] = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
  // Every animation format here is compressed already: storing costs nothing in size and saves the time.
  return zipSync(files, { level: 0, mtime: ZIP_MTIME });
}

/** The platform's still images, made from the current cut-out and kept next to its outputs. */
async function extraFiles(
  deps: Pick<PipelineDeps, 'storage'>,
  job: Pick<Job, 'id' | 'cutoutKey'>,
  platform: PlatformId,
): Promise<Record<string, Uint8Array>> {
  const made = await platformExtras(await fromPng(await deps.storage.get(cutoutKeyOf(job))), platform);
  for (const [name, data] of Object.entries(made))
    await deps.storage.put(keys.output(job.id, platform, name), data);
  return made;
}
