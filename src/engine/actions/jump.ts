/** Jump: crouch, stretch into a big jump, land with a squash and a puff of dust; a shadow stays below. */
import { puff } from '../effects/marks.ts';
import { cyclePhase, inside } from './kit.ts';
import type { Motion, Stage } from './types.ts';

interface Phase {
  /** Height of the jump, 0..1. */
  air: number;
  /** Crouch before take-off or squash on landing, 0..1. */
  squash: number;
  /** Progress of the landing dust, 0..1, or −1 when there is none. */
  dust: number;
}

function phase(p: number): Phase {
  if (p < 0.14) return { air: 0, squash: Math.sin((Math.PI * p) / 0.14), dust: -1 };
  if (p < 0.62) {
    const q = (p - 0.14) / 0.48;
    return { air: 4 * q * (1 - q), squash: 0, dust: -1 };
  }
  if (p < 0.76) return { air: 0, squash: Math.sin((Math.PI * (p - 0.62)) / 0.14), dust: (p - 0.62) / 0.26 };
  if (p < 0.88) return { air: 0, squash: 0, dust: (p - 0.62) / 0.26 };
  return { air: 0, squash: 0, dust: -1 };
}

/** Jump height in character heights: as high as the headroom allows, up to 0.2. */
function height(stage: Stage, amp: number): number {
  const room = (stage.feetY - stage.height - stage.margin) / stage.height;
  return Math.max(0.04, Math.min(0.2 * amp, room * 0.9));
}

export const jump: Motion = {
  id: 'jump',
  cycles: 1,
  face: 'smile',
  pose: ({ t, cycles, amp }, stage) => {
    const { air, squash } = phase(cyclePhase(t, cycles));
    // Stretch most while moving fastest: half-way up and half-way down.
    const stretch = 0.45 * amp * air * (1 - air);
    const sy = 1 - 0.12 * amp * squash + stretch;
    // Stretched and high up at once could push the head out of the frame: cap the height.
    const room = (stage.feetY - stage.margin) / stage.height;
    return {
      dx: 0,
      dy: Math.min(height(stage, amp) * air, Math.max(0, room - sy)),
      rotate: 0,
      sx: 1 + 0.08 * amp * squash - stretch * 0.5,
      sy,
      skew: 0,
    };
  },
  behind: (ctx, s) => {
    const { air } = phase(cyclePhase(s.t, s.cycles));
    const { stage } = s;
    ctx.save();
    ctx.fillStyle = `rgba(46,34,51,${(0.22 * (1 - 0.6 * air)).toFixed(3)})`;
    ctx.beginPath();
    const w = stage.width * 0.36 * (1 - 0.45 * air);
    ctx.ellipse(stage.feetX, stage.feetY - stage.unit, w, w * 0.16, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
  },
  front: (ctx, s) => {
    const { dust } = phase(cyclePhase(s.t, s.cycles));
    if (dust < 0) return;
    const { stage } = s;
    for (const side of [-1, 1]) {
      const size = stage.height * 0.16 * (0.6 + 0.6 * dust);
      const x = stage.feetX + side * stage.width * (0.42 + 0.25 * dust);
      const [cx, cy] = inside(stage, x, stage.feetY - size * 0.4, size / 2);
      puff(ctx, cx, cy, size, Math.sin(Math.PI * dust), s.accent);
    }
  },
};
