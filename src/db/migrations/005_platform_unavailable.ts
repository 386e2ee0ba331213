import type { Migration } from '../migrator.ts';

/**
 * Targets a job asked for that this installation could not make (Telegram's WebM
 * without ffmpeg), as a JSON object of platform id → reason. The job still makes
 * and packages its other targets; the reply says which one was left out and why.
 */
export const platformUnavailable: Migration = {
  version: 5,
  name: 'platform_unavailable',
  sql: `
    ALTER TABLE jobs ADD COLUMN unavailable TEXT NOT NULL DEFAULT '{}';
  `,
};
