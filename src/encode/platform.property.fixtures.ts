/**
 * The property "every action × every built-in character × every target produces a file
 * that passes its validator", as a suite platform.property.1.test.ts and platform.property.2.test.ts each run
 * for half of the action catalog (vitest runs files on separate workers, so the halves use
 * both cores). Each master is rendered once, at 512 px (the largest size any platform
 * needs), and shared by all targets, as the pipeline does.
 *
 * Cost trade-off: with 28 actions × 6 characters the product is 168 masters. APNG and GIF
 * targets cost ~0.1–0.2 s of CPU each and run for every master (~2 min of CPU in all).
 * WebP (~0.6 s) and WebM (~0.5 s of ffmpeg plus ~0.2 s to decode the first frame) would
 * add ~3 more minutes, so they run on a rotating sixth of the masters: a diagonal of the
 * action × character table that moves by one every day, so every combination is covered
 * within six days of runs.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../domain/actions.ts';
import { CHARACTERS } from '../domain/characters.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { PLATFORM_IDS, type PlatformId } from '../domain/platforms.ts';
import { animate, drawCharacter, normalizeCutout } from '../engine/index.ts';
import { ffmpegStatus } from './ffmpeg.ts';
import { encodeForPlatform } from './platform.encode.ts';

const MASTER_SIZE = 512;
const ROTATION = 6;
const EXPENSIVE: readonly PlatformId[] = ['whatsapp-sticker', 'telegram-sticker'];

const cutouts = new Map<string, RgbaImage>();
function master(actionIndex: number, characterIndex: number): FrameSequence {
  const character = CHARACTERS[characterIndex];
  const action = ACTIONS[actionIndex];
  let cut = cutouts.get(character.id);
  if (!cut) {
    cut = normalizeCutout(drawCharacter(character.id, character.defaultColor, MASTER_SIZE));
    cutouts.set(character.id, cut);
  }
  return animate(
    cut,
    action.id,
    {},
    { size: MASTER_SIZE, frames: action.defaultFrames, durationMs: action.defaultDurationMs },
  );
}

/** Registers the property for actions whose index is `part` modulo `parts`. */
export async function propertySuite(part: number, parts: number): Promise<void> {
  const hasFfmpeg = (await ffmpegStatus()).available;
  const day = Math.floor(Date.now() / 86_400_000);
  describe(`every action × character × target passes its validator (part ${part + 1} of ${parts})`, () => {
    ACTIONS.forEach((action, ai) => {
      if (ai % parts !== part) return;
      CHARACTERS.forEach((character, ci) => {
        const expensive = (ai + ci + day) % ROTATION === 0;
        const targets = PLATFORM_IDS.filter((p) => !EXPENSIVE.includes(p) || expensive).filter(
          (p) => p !== 'telegram-sticker' || hasFfmpeg,
        );
        it(`${action.id}/${character.id}: ${targets.join(', ')}`, { timeout: 120_000 }, async () => {
          const seq = master(ai, ci);
          for (const platform of targets) {
            const file = await encodeForPlatform(seq, platform);
            const failing = file.report.checks.filter((c) => !c.ok).map((c) => `${c.rule}: ${c.message}`);
            expect(failing, platform).toEqual([]);
          }
        });
      });
    });
  });
}
