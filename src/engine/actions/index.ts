/** The motion registry: one motion per action id of the domain catalog. */
import { angry } from './angry.ts';
import { cry } from './cry.ts';
import { hello } from './hello.ts';
import { jump } from './jump.ts';
import { laugh } from './laugh.ts';
import { love } from './love.ts';
import { no } from './no.ts';
import { party } from './party.ts';
import { sleepy } from './sleepy.ts';
import { surprised } from './surprised.ts';
import { thanks } from './thanks.ts';
import type { Motion } from './types.ts';
import { yes } from './yes.ts';

const MOTIONS: ReadonlyMap<string, Motion> = new Map(
  [hello, love, laugh, cry, angry, surprised, sleepy, thanks, yes, no, jump, party].map((m) => [m.id, m]),
);

/** Ids of every motion the engine can render. */
export function listMotions(): string[] {
  return [...MOTIONS.keys()];
}

/** The motion for an action id; throws on an id the engine does not know. */
export function getMotion(id: string): Motion {
  const motion = MOTIONS.get(id);
  if (!motion) throw new Error(`unknown action: ${id}`);
  return motion;
}
