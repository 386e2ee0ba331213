import type { SqliteDatabase } from './sqlite.ts';

/** Sign-in sessions, keyed by the user and the token's `auth_time` (unchanged by token refreshes). */
export class SignInsRepository {
  private readonly insert;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare(
      `INSERT INTO sign_ins (user_id, auth_time, request_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, auth_time) DO NOTHING`,
    );
  }

  /** Records the session; true only the first time it is seen (across every process on the file). */
  record(userId: string, authTime: number, requestId: string, now: number): boolean {
    return this.insert.run(userId, authTime, requestId, now).changes === 1;
  }
}
