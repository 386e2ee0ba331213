import type { SqliteDatabase } from './sqlite.ts';

export interface User {
  id: string;
  email: string | null;
  name: string | null;
  photoUrl: string | null;
}

interface UserRow {
  id: string;
  email: string | null;
  name: string | null;
  photo_url: string | null;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  photoUrl: row.photo_url,
});

/** Users: a real row for every account, including the local single user. */
export class UsersRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Inserts the user or refreshes its profile and last-seen time. */
  upsert(user: User, now: number): void {
    this.db
      .prepare(
        `INSERT INTO users (id, email, name, photo_url, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET email = excluded.email, name = excluded.name,
           photo_url = excluded.photo_url, last_seen_at = excluded.last_seen_at`,
      )
      .run(user.id, user.email, user.name, user.photoUrl, now, now);
  }

  /** The user, or undefined. */
  find(id: string): User | undefined {
    const row = this.db.prepare('SELECT id, email, name, photo_url FROM users WHERE id = ?').get(id) as
      | UserRow
      | undefined;
    return row && toUser(row);
  }

  /** Every user with this email (case-insensitive); normally one. */
  findByEmail(email: string): User[] {
    const rows = this.db
      .prepare('SELECT id, email, name, photo_url FROM users WHERE email = ? COLLATE NOCASE ORDER BY id')
      .all(email) as UserRow[];
    return rows.map(toUser);
  }
}
