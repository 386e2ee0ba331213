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
          expect(start.tint?.amount ?? 0).toBeCloseTo(0, 9);
          const end = at(1);
          for (const key of ['dx', 'dy', 'rotate', 'sx', 'sy', 'skew'] as const) {
            expect(end[key]).toBeCloseTo(start[key], 9);
          }
        }
      }
    });
  }
});
