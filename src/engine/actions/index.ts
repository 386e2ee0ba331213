/** The motion registry: one motion per action id of the domain catalog. */
import { angry } from './angry.ts';
import { bye } from './bye.ts';
import { celebrate } from './celebrate.ts';
import { cheer } from './cheer.ts';
import { cry } from './cry.ts';
import { dance } from './dance.ts';
import { excited } from './excited.ts';
import { goodnight } from './goodnight.ts';
import { hello } from './hello.ts';
import { hungry } from './hungry.ts';
import { jump } from './jump.ts';
import { kiss } from './kiss.ts';
import { laugh } from './laugh.ts';
import { love } from './love.ts';
import { no } from './no.ts';
import { ok } from './ok.ts';
import { party } from './party.ts';
import { sad } from './sad.ts';
import { shock } from './shock.ts';
import { shy } from './shy.ts';
import { sleepy } from './sleepy.ts';
import { sorry } from './sorry.ts';
import { spin } from './spin.ts';
import { surprised } from './surprised.ts';
import { sweat } from './sweat.ts';
import { thanks } from './thanks.ts';
import { thinking } from './thinking.ts';
import type { Motion } from './types.ts';
import { yes } from './yes.ts';

const MOTIONS: ReadonlyMap<string, Motion> = new Map(
  [
    hello,
    bye,
    love,
    kiss,
    laugh,
    cry,
    sad,
    angry,
    surprised,
    shock,
    sleepy,
    goodnight,
    thanks,
    sorry,
    yes,
    no,
    ok,
    jump,
    dance,
    spin,
    party,
    celebrate,
    thinking,
    shy,
    sweat,
    excited,
    cheer,
    hungry,
  ].map((m) => [m.id, m]),
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
