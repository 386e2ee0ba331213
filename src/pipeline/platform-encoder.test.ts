import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import type { FrameSequence } from '../domain/image.ts';
import type { PlatformId } from '../domain/platforms.ts';
import { createEncodePool, type PlatformFile, shareFrames } from '../encode/index.ts';
import { animateCharacter } from '../engine/index.ts';
import { inThreadEncoder, type PlatformEncoder, poolEncoder, sharingEncoder } from './platform-encoder.ts';

const pool = createEncodePool({ size: 2 });

/** The in-thread encoder, noting every platform it is asked for; `edit` may change the file it answers. */
function recording(calls: PlatformId[], edit = (file: PlatformFile) => file): PlatformEncoder {
  return {
    encode: async (master, platform, index) => {
      calls.push(platform);
      return edit(await inThreadEncoder().encode(master, platform, index));
    },
    close: async () => {},
  };
}
afterAll(() => pool.close());

describe('the encode port', () => {
  it('makes the same validated file on the pool as on the pipeline’s own thread, from shared frames', async () => {
    const master = animateCharacter(
      { id: 'frog', color: '#7ccf6b' },
      'hello',
      {},
      { size: 180, frames: 8, durationMs: 1000 },
    );
    const shared = shareFrames(master);
    const [local, threaded] = await Promise.all([
      inThreadEncoder().encode(master, 'line-emoji', 2),
      poolEncoder(pool).encode(shared, 'line-emoji', 2),
    ]);
    expect(threaded.report.ok).toBe(true);
    expect(threaded.fileName).toBe('003.png');
    expect(Buffer.compare(threaded.buffer, local.buffer)).toBe(0);
    // The shared frames stay usable for the next platform's encode.
    expect(shared.frames[0].length).toBe(180 * 180 * 4);
    expect((await poolEncoder(pool).encode(shared, 'discord-emoji', 0)).report.ok).toBe(true);
  });

  it('encodes once for Discord and Slack, and each gets its own validated file', async () => {
    const master = animateCharacter(
      { id: 'cat', color: '#f2b36d' },
      'love',
      {},
      { size: 128, frames: 12, durationMs: 1500 },
    );
    const calls: PlatformId[] = [];
    const sharing = sharingEncoder(recording(calls));
    const [discord, slack] = await Promise.all([
      sharing.encode(master, 'discord-emoji', 4),
      sharing.encode(master, 'slack-emoji', 4),
    ]);
    expect(calls).toEqual(['discord-emoji']);
    expect(slack.report).toMatchObject({ platform: 'slack-emoji', ok: true });
    expect(discord.report).toMatchObject({ platform: 'discord-emoji', ok: true });
    // Byte for byte what Slack's own encode makes.
    const own = await inThreadEncoder().encode(master, 'slack-emoji', 4);
    expect(Buffer.compare(slack.buffer, own.buffer)).toBe(0);
    expect(slack.fileName).toBe(own.fileName);

    // Other frames (even equal ones) and other files encode on their own.
    const copy: FrameSequence = { ...master, frames: master.frames.map((f) => f.slice()) };
    await sharing.encode(copy, 'slack-emoji', 4);
    await sharing.encode(master, 'line-emoji', 4);
    expect(calls).toEqual(['discord-emoji', 'slack-emoji', 'line-emoji']);
  });

  it('does not hand on a file that stepped down the ladder to fit its own budget', async () => {
    const master = animateCharacter(
      { id: 'bear', color: '#b07a4f' },
      'hello',
      {},
      { size: 128, frames: 8, durationMs: 1000 },
    );
    const calls: PlatformId[] = [];
    // As if the first rung had not fitted this platform's budget.
    const sharing = sharingEncoder(
      recording(calls, (file) => ({
        ...file,
        attempts: [{ ...file.attempts[0], bytes: 10 ** 7 }, ...file.attempts],
      })),
    );
    await sharing.encode(master, 'slack-emoji', 0);
    const discord = await sharing.encode(master, 'discord-emoji', 0);
    expect(calls).toEqual(['slack-emoji', 'discord-emoji']);
    expect(discord.report).toMatchObject({ platform: 'discord-emoji', ok: true });
  });

  it('defaults to one encode thread per core, and 0 keeps encoding on the pipeline’s thread', () => {
    expect(loadConfig({}).encoding.threads).toBe(os.availableParallelism());
    expect(loadConfig({ ENCODE_THREADS: '0' }).encoding.threads).toBe(0);
  });
});
