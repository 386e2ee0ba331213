import type { Migration } from '../migrator.ts';
import { initial } from './001_initial.ts';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial];
