// Entry of an encode worker thread. Worker threads start without the parent's loaders, and
// PopCon runs its TypeScript sources directly (bin/popcon.mjs, vitest), so the thread registers
// tsx itself before it loads the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./encode.worker.ts');
