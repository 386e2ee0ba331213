/**
 * The property "every action × every built-in character × every target produces a file
 * that passes its validator", as a suite platform.property.1.test.ts and platform.property.2.test.ts each run
 * for half of the action catalog (vitest runs files on separate workers, so the halves use
 * both cores). Each master is rendered once, at 512 px (the largest size any platform
 * needs), and shared by all targets, as the pipeline does.
 *
 * Every combination runs every target: 28 actions × 6 characters = 168 masters, each
 * encoded for all 7 targets (WebP and WebM included; until the encoders got faster they
 * ran on a rotating sixth of the table). The encodes go through the encode pool, so the
 * pool is exercised on 1,176 real encodes, and the next master renders on this thread
 * while the pool's threads encode the current one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../domain/actions.ts';
import { CHARACTERS } from '../domain/characters.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { PLATFORM_IDS } from '../domain/platforms.ts';
import { animate, drawCharacter, normalizeCutout } from '../engine/index.ts';
import { createEncodePool, shareFrames } from './encode.pool.ts';
import { ffmpegStatus } from './ffmpeg.ts';

const MASTER_SIZE = 512;

const cutouts = new Map<string, RgbaImage>();
function master(actionIndex: number, characterIndex: number): FrameSequence {
  const character = CHARACTERS[characterIndex];
  const action = ACTIONS[actionIndex];
  let cut = cutouts.get(character.id);
  if (!cut) {
    cut = normalizeCutout(drawCharacter(character.id, character.defaultColor, MASTER_SIZE));
    cutouts.set(character.id, cut);
  }
  const seq = animate(
    cut,
    action.id,
    {},
    { size: MASTER_SIZE, frames: action.defaultFrames, durationMs: action.defaultDurationMs },
  );
  // One copy into shared memory serves all seven encodes of this master.
  return shareFrames(seq);
}

/** Registers the property for actions whose index is `part` modulo `parts`. */
export async function propertySuite(part: number, parts: number): Promise<void> {
  const hasFfmpeg = (await ffmpegStatus()).available;
  const targets = PLATFORM_IDS.filter((p) => p !== 'telegram-sticker' || hasFfmpeg);
  const pairs = ACTIONS.flatMap((action, ai) =>
    ai % parts === part ? CHARACTERS.map((character, ci) => ({ action, character, ai, ci })) : [],
  );
  // One thread per half: vitest already runs the two halves side by side on the two cores,
  // and two threads per half (four encodes at once) only added contention.
  const pool = createEncodePool({ size: 1 });
  afterAll(() => pool.close());
  // The master of the next case, rendered while the current one encodes.
  let ahead: { index: number; seq: FrameSequence } | null = null;
  describe(`every action × character × target passes its validator (part ${part + 1} of ${parts})`, () => {
    pairs.forEach(({ action, character, ai, ci }, index) => {
      it(`${action.id}/${character.id}: ${targets.join(', ')}`, { timeout: 120_000 }, async () => {
        const seq = ahead?.index === index ? ahead.seq : master(ai, ci);
        const files = Promise.all(targets.map((platform) => pool.encode(seq, platform)));
        const next = pairs[index + 1];
        ahead = next ? { index: index + 1, seq: master(next.ai, next.ci) } : null;
        for (const [k, file] of (await files).entries()) {
          const failing = file.report.checks.filter((c) => !c.ok).map((c) => `${c.rule}: ${c.message}`);
          expect(failing, targets[k]).toEqual([]);
          expect(file.report.platform).toBe(targets[k]);
        }
      });
    });
  });
}
