import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../domain/actions.ts';
import { getMotion, listMotions } from './index.ts';
import type { Stage } from './types.ts';

const stage: Stage = { size: 180, unit: 1, feetX: 90, feetY: 172, width: 100, height: 140, margin: 4 };

describe('motion registry', () => {
  it('has exactly one motion per action of the domain catalog', () => {
    expect(listMotions().sort()).toEqual(ACTIONS.map((a) => a.id).sort());
    for (const a of ACTIONS) expect(getMotion(a.id).id).toBe(a.id);
  });

  it('offers at least 24 actions, keeps every id jobs already store, and fits LINE timing as-is', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(ACTIONS.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = [
      'hello',
      'love',
      'laugh',
      'cry',
      'angry',
      'surprised',
      'sleepy',
      'thanks',
      'yes',
      'no',
      'jump',
      'party',
    ];
    for (const id of stored) expect(ids).toContain(id);
    for (const a of ACTIONS) {
      expect(Number.isInteger(a.defaultDurationMs / 1000), a.id).toBe(true);
      expect(a.defaultDurationMs).toBeGreaterThanOrEqual(1000);
      expect(a.defaultDurationMs).toBeLessThanOrEqual(4000);
      expect(a.defaultFrames).toBeGreaterThanOrEqual(5);
      expect(a.defaultFrames).toBeLessThanOrEqual(20);
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.tags.length).toBeGreaterThan(0);
      expect(a.params.accent.default).toMatch(/^#[0-9a-f]{6}$/);
      expect(a.params.caption.suggestion.length).toBeLessThanOrEqual(a.params.caption.maxLength);
      expect(a.params.speed.min).toBeLessThan(a.params.speed.max);
    }
  });

  it('throws on an unknown action', () => {
    expect(() => getMotion('moonwalk')).toThrow(/unknown action: moonwalk/);
  });

  for (const id of listMotions()) {
    it(`${id} starts at rest and loops back to where it started`, () => {
      const motion = getMotion(id);
      for (const cycles of [1, 2, 3]) {
        for (const amp of [0.35, 1, 1.45]) {
          const at = (t: number) => motion.pose({ t, cycles, frames: 16, amp }, stage);
          const start = at(0);
          expect(start.dx).toBeCloseTo(0, 9);
          expect(start.dy).toBeCloseTo(0, 9);
          expect(start.rotate).toBeCloseTo(0, 9);
          expect(start.sx).toBeCloseTo(1, 9);
          expect(start.sy).toBeCloseTo(1, 9);
          expect(start.skew).toBeCloseTo(0, 9);
          expect((start.tint?.amount ?? 0) * (start.tint?.level ?? 1)).toBeCloseTo(0, 9);
          const end = at(1);
          for (const key of ['dx', 'dy', 'rotate', 'sx', 'sy', 'skew'] as const) {
            expect(end[key]).toBeCloseTo(start[key], 9);
          }
        }
      }
    });
  }
});
