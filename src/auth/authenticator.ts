import type { EventsRepository } from '../db/events.repository.ts';
import type { SignInsRepository } from '../db/sign-ins.repository.ts';
import type { SqliteDatabase } from '../db/sqlite.ts';
import type { User, UsersRepository } from '../db/users.repository.ts';
import { AppError } from '../domain/errors.ts';
import type { FirebaseTokenVerifier, VerifiedToken } from './token-verifier.ts';

/** Turns a request's Authorization header into the calling user. */
export interface Authenticator {
  readonly mode: 'local' | 'firebase';
  /** The user, or a 401 AppError. `requestId` goes into the audit trail. */
  authenticate(authorization: string | undefined, requestId: string): Promise<User>;
}

/** Local single-user mode: every caller is the one local user. */
export class LocalAuthenticator implements Authenticator {
  readonly mode = 'local' as const;
  constructor(private readonly user: User) {}

  async authenticate(): Promise<User> {
    return this.user;
  }
}

/**
 * How often a signed-in user's row is rewritten when nothing changed. Writing
 * on every request would put one SQLite write in front of each read; a minute
 * is ample resolution for "last seen".
 */
const TOUCH_INTERVAL_MS = 60_000;
const TOUCH_CACHE_LIMIT = 10_000;

export interface FirebaseAuthenticatorDeps {
  db: SqliteDatabase;
  users: UsersRepository;
  signIns: SignInsRepository;
  events: EventsRepository;
  clock: () => number;
}

/**
 * Firebase mode: a verified ID token in `Authorization: Bearer …`. The user row
 * is upserted (profile and last seen), and the first request of each sign-in
 * session (a new `auth_time`) records `auth.login`.
 */
export class FirebaseAuthenticator implements Authenticator {
  readonly mode = 'firebase' as const;
  /** uid → what was last written, and when. */
  private readonly touched = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly verifier: FirebaseTokenVerifier,
    private readonly deps: FirebaseAuthenticatorDeps,
  ) {}

  async authenticate(authorization: string | undefined, requestId: string): Promise<User> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new AppError('token_missing', 'sign in first: this request has no sign-in token');
    const token = await this.verifier.verify(match[1]!);
    const user: User = { id: token.uid, email: token.email, name: token.name, photoUrl: token.picture };
    this.touch(user, token, requestId);
    return user;
  }

  private touch(user: User, token: VerifiedToken, requestId: string): void {
    const now = this.deps.clock();
    const key = JSON.stringify([token.authTime, user.email, user.name, user.photoUrl]);
    const last = this.touched.get(user.id);
    if (last && last.key === key && now - last.at < TOUCH_INTERVAL_MS) return;
    const { db, users, signIns, events } = this.deps;
    db.transaction(() => {
      users.upsert(user, now);
      if (signIns.record(user.id, token.authTime, requestId, now)) {
        events.append({
          userId: user.id,
          jobId: null,
          type: 'auth.login',
          payload: {
            provider: token.signInProvider,
            authTime: new Date(token.authTime * 1000).toISOString(),
          },
          requestId,
          now,
        });
      }
    })();
    if (this.touched.size >= TOUCH_CACHE_LIMIT) this.touched.clear();
    this.touched.set(user.id, { key, at: now });
  }
}
