import type { Migration } from '../migrator.ts';
import { initial } from './001_initial.ts';
import { requestIds } from './002_request_ids.ts';
import { eventsRequestIdNotNull } from './003_events_request_id_not_null.ts';
import { availability } from './004_availability.ts';
import { platformUnavailable } from './005_platform_unavailable.ts';
import { refine } from './006_refine.ts';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  requestIds,
  eventsRequestIdNotNull,
  availability,
  platformUnavailable,
  refine,
];
