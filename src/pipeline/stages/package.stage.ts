import { zipSync } from 'fflate';
import { PLATFORMS, type PlatformId } from '../../domain/platforms.ts';
import { makeTabImage } from '../../encode/index.ts';
import { registerAsset } from '../assets.ts';
import { keys } from '../deps.ts';
import { fromPng } from '../image-io.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/** package: one ZIP per platform with the platform's file names, the tab image, a manifest and the validation report. */
export const packageStage: StageHandler = async (deps, task, job) => {
  const platform = task.platform as PlatformId;
  const rules = PLATFORMS[platform];
  const emojis = deps.jobs.emojis(job.id);
  const failing = emojis.filter((e) => e.status !== 'completed' || !e.outputs[platform]?.validation.ok);
  if (failing.length > 0) {
    // Never package a file that breaks the platform's rules.
    throw new PermanentError(
      `emoji ${failing.map((e) => e.index + 1).join(', ')} did not pass ${rules.label} rules`,
    );
  }

  const files: Record<string, Uint8Array> = {};
  for (const e of emojis) {
    files[rules.fileName(e.index)] = await deps.storage.get(
      keys.output(job.id, platform, rules.fileName(e.index)),
    );
  }
  if (rules.tab) {
    const cutout = await fromPng(await deps.storage.get(keys.cutout(job.id)));
    const tab = await makeTabImage(cutout, rules.tab.width, rules.tab.height);
    await deps.storage.put(keys.output(job.id, platform, 'tab.png'), tab);
    files['tab.png'] = tab;
  }
  const manifest = {
    generator: 'PopCon',
    platform,
    jobId: job.id,
    emojis: emojis.map((e) => ({
      file: rules.fileName(e.index),
      action: e.action,
      bytes: e.outputs[platform]?.bytes,
    })),
    ...(rules.tab ? { tab: 'tab.png' } : {}),
  };
  const report = emojis.map((e) => ({ file: rules.fileName(e.index), ...e.outputs[platform]?.validation }));
  files['manifest.json'] = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  files['validation.json'] = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
  // PNGs are already deflated: storing them costs nothing in size and saves the time.
  const zip = zipSync(files, { level: 0, mtime: new Date('2026-01-01T00:00:00Z') });
  const key = keys.zip(job.id, platform);
  await deps.storage.put(key, zip);

  return (now) => {
    registerAsset(deps, job, key, 'application/zip', zip.length, now);
  };
};
