import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { animateCharacter, type RenderCall } from '../engine/index.ts';
import { createInProcessEngine } from './in-process.engine.ts';

describe('createInProcessEngine', () => {
  const opts = { size: 96, frames: 5, durationMs: 1000 };

  it('hands animations to its renderer with exactly the engine options, without the task id', async () => {
    const calls: RenderCall[] = [];
    const drawn: FrameSequence = {
      width: 96,
      height: 96,
      durationMs: 1000,
      frames: [new Uint8Array(96 * 96 * 4)],
    };
    const engine = createInProcessEngine({
      render: async (call) => {
        calls.push(call);
        return drawn;
      },
    });
    const character = { id: 'chick', color: '#ffe066' };
    expect(await engine.animateCharacter(character, 'yes', { seed: 2 }, { ...opts, taskId: 'r-1' })).toBe(
      drawn,
    );
    const cutout = { width: 4, height: 4, data: new Uint8Array(64) };
    expect(await engine.animate(cutout, 'no', {}, opts)).toBe(drawn);
    expect(calls).toEqual([
      { kind: 'character', character, action: 'yes', params: { seed: 2 }, opts },
      { kind: 'cutout', cutout, action: 'no', params: {}, opts },
    ]);
  });

  it('draws on the calling thread when given no renderer', async () => {
    const character = { id: 'chick', color: '#ffe066' };
    const here = await createInProcessEngine().animateCharacter(character, 'yes', {}, opts);
    const direct = animateCharacter(character, 'yes', {}, opts);
    expect(here.frames.map((f) => Buffer.from(f).toString('base64'))).toEqual(
      direct.frames.map((f) => Buffer.from(f).toString('base64')),
    );
  });
});
