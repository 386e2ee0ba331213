import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthEmulator, hasFirebaseTools, startAuthEmulator } from './support/auth-emulator.ts';
import { firebaseApp } from './support/firebase-app.ts';
import { bearer, startTokenIssuer, type TokenIssuer } from './support/token-issuer.ts';

let emulator: AuthEmulator | null = null;
let issuer: TokenIssuer;
let withEmulator: Awaited<ReturnType<typeof firebaseApp>>;
let withoutEmulator: Awaited<ReturnType<typeof firebaseApp>>;

beforeAll(async () => {
  if (!hasFirebaseTools) return;
  emulator = await startAuthEmulator('demo-popcon');
  // The certificate server is only there so that a real-token path exists; emulator tokens never use it.
  issuer = await startTokenIssuer('demo-popcon');
  withEmulator = await firebaseApp(issuer, { FIREBASE_AUTH_EMULATOR_HOST: emulator?.host ?? '127.0.0.1:1' });
  withoutEmulator = await firebaseApp(issuer);
}, 150_000);

afterAll(async () => {
  await withEmulator?.dispose();
  await withoutEmulator?.dispose();
  await issuer?.close();
  await emulator?.stop();
}, 30_000);

describe.skipIf(!hasFirebaseTools)('sign-in through the Firebase Auth emulator', () => {
  it('accepts an emulator email/password user and stores the profile', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { uid, idToken } = await emulator.signUp('ada@example.com', 'secret-123');
    const res = await withEmulator.app.inject({ method: 'GET', url: '/api/me', headers: bearer(idToken) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: uid, email: 'ada@example.com' });
  });

  it('accepts a Google sign-in and records auth.login once for the session', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { uid, idToken } = await emulator.signInWithGoogle({
      sub: 'google-123',
      email: 'grace@example.com',
      name: 'Grace H',
    });
    const headers = bearer(idToken);
    for (let i = 0; i < 2; i++) {
      expect((await withEmulator.app.inject({ method: 'GET', url: '/api/jobs', headers })).statusCode).toBe(
        200,
      );
    }
    const me = (await withEmulator.app.inject({ method: 'GET', url: '/api/me', headers })).json();
    expect(me.user).toMatchObject({ id: uid, email: 'grace@example.com', name: 'Grace H' });
    const trail = (
      await withEmulator.app.inject({ method: 'GET', url: '/api/me/events?type=auth.login', headers })
    ).json();
    expect(trail.events).toHaveLength(1);
    expect(trail.events[0].payload.provider).toBe('google.com');
  });

  it('refuses emulator tokens when the emulator is not configured', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { idToken } = await emulator.signUp('eve@example.com', 'secret-123');
    const res = await withoutEmulator.app.inject({ method: 'GET', url: '/api/me', headers: bearer(idToken) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('token_alg_not_allowed');
  });
});
