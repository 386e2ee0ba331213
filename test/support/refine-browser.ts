import sharp from 'sharp';
import type { RunningServer } from '../../src/api/server.ts';
import { waitForJob } from './temp-runtime.ts';

/** Where the ring's hole is, in the picture's own pixels. */
export const RING_HOLE = { x: 200, y: 210 };
export const RING_SIZE = 400;

/**
 * A red ring on cream whose hole holds a slightly darker cream (#e6dac2): the
 * automatic matte keeps that hole, which is the leftover background a user erases.
 */
export function ringOnCream(): Promise<Buffer> {
  const disc = (r: number, fill: string, stroke: number) =>
    `<circle cx="${RING_HOLE.x}" cy="${RING_HOLE.y}" r="${r}" fill="${fill}" stroke="#3a2a2a" stroke-width="${stroke}"/>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${RING_SIZE}" height="${RING_SIZE}">`,
    `<rect width="${RING_SIZE}" height="${RING_SIZE}" fill="#f0e6d2"/>`,
    disc(120, '#e0523f', 8),
    disc(22, '#e6dac2', 6),
    '</svg>',
  ].join('');
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The first eight actions a refine test works on. */
export const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];

/** Starts a set through the HTTP API, as the editor would, and waits until it is finished. */
export async function makeSet(
  server: RunningServer,
  source: { upload: Buffer; fileName: string } | { character: string },
  platforms: string[],
): Promise<string> {
  let res: Response;
  if ('upload' in source) {
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(source.upload)], { type: 'image/png' }), source.fileName);
    form.append('actions', EIGHT.join(','));
    form.append('platforms', platforms.join(','));
    res = await fetch(`${server.url}/api/generate-set`, { method: 'POST', body: form });
  } else {
    res = await fetch(`${server.url}/api/generate-set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ character: source.character, actions: EIGHT, platforms }),
    });
  }
  if (res.status !== 202) throw new Error(`generate-set answered ${res.status}: ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  const done = await waitForJob(server.runtime, jobId, 120_000);
  if (done.job.status !== 'completed') throw new Error(`set ${jobId} ended ${done.job.status}`);
  return jobId;
}
