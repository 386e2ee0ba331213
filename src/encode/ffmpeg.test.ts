import { describe, expect, it } from 'vitest';
import { ffmpegStatus, runFfmpeg } from './ffmpeg.ts';

// runFfmpeg runs any binary; `sh` shows who started it and what it was fed.
const parentOf = async (script = 'echo $PPID') =>
  Number((await runFfmpeg('sh', ['-c', script])).stdout.toString());

describe('runFfmpeg', () => {
  it('starts the binary from a launcher process, not from this one, and reuses it', async () => {
    const first = await parentOf();
    expect(first).not.toBe(process.pid);
    expect(await parentOf()).toBe(first);
  });

  it('feeds every chunk to stdin, shared memory included, and returns stdout whole', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(1 << 20)).fill(7);
    const chunks = [new Uint8Array([1, 2, 3]), shared.subarray(10), Buffer.from('end')];
    const { stdout } = await runFfmpeg('sh', ['-c', 'wc -c'], chunks);
    expect(Number(stdout.toString())).toBe(3 + (1 << 20) - 10 + 3);
    const echoed = await runFfmpeg('cat', [], shared);
    expect(Buffer.from(shared).equals(echoed.stdout)).toBe(true);
  });

  it('rejects a failed run with its exit code and stderr, and a missing binary with ENOENT', async () => {
    await expect(runFfmpeg('sh', ['-c', 'echo no VP9 here >&2; exit 3'])).rejects.toThrow(
      /sh exited with 3: no VP9 here/,
    );
    await expect(runFfmpeg('/nonexistent/ffmpeg', ['-version'])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await ffmpegStatus('/nonexistent/ffmpeg')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/is not installed/),
    });
  });

  it('fails the run of a launcher that dies, and starts a fresh one for the next', async () => {
    const before = await parentOf();
    const cut = parentOf('sleep 0.5; echo $PPID');
    await new Promise((r) => setTimeout(r, 100));
    process.kill(before, 'SIGKILL');
    await expect(cut).rejects.toThrow(/launcher process stopped/);
    const after = await parentOf();
    expect(after).not.toBe(before);
    expect(after).not.toBe(process.pid);
  });
});
