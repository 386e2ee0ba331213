import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firebaseApp } from './support/firebase-app.ts';
import { bearer, startTokenIssuer, type TokenIssuer, validClaims } from './support/token-issuer.ts';

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';
let issuer: TokenIssuer;
let fb: Awaited<ReturnType<typeof firebaseApp>>;

beforeAll(async () => {
  issuer = await startTokenIssuer('popcon-test');
  fb = await firebaseApp(issuer);
});

afterAll(async () => {
  await fb?.dispose();
  await issuer?.close();
});

const me = (headers: Record<string, string> = {}) =>
  fb.app.inject({ method: 'GET', url: '/api/me', headers });

const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('ID token verification', () => {
  it('accepts a valid token and answers the user with their quota', async () => {
    const res = await me(bearer(await issuer.token()));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({
      id: 'user-1',
      email: 'user-1@example.com',
      name: 'User user-1',
      photoUrl: 'https://lh3.googleusercontent.com/user-1.png',
    });
    expect(body.quota.runningJobs).toEqual({ used: 0, limit: 1 });
    expect(body.quota.dailyEmojis).toMatchObject({ used: 0, limit: 120 });
    expect(Date.parse(body.quota.dailyEmojis.resetsAt)).toBeGreaterThan(Date.now());
    expect(body.quota.requestsPerMinute).toEqual({ limit: 120 });
  });

  const bad: { name: string; code: string; token: () => Promise<string> }[] = [
    {
      name: 'an expired token',
      code: 'token_expired',
      token: () => issuer.token({ claims: { exp: now() - 60 } }),
    },
    {
      name: 'a token issued in the future',
      code: 'token_not_yet_valid',
      token: () => issuer.token({ claims: { iat: now() + hour } }),
    },
    {
      name: 'a token for another project',
      code: 'token_wrong_audience',
      token: () => issuer.token({ claims: { aud: 'someone-else' } }),
    },
    {
      name: 'a token from another issuer',
      code: 'token_wrong_issuer',
      token: () => issuer.token({ claims: { iss: 'https://securetoken.google.com/someone-else' } }),
    },
    {
      name: 'a token signed by another key',
      code: 'token_bad_signature',
      token: () => issuer.token({ foreignKey: true }),
    },
    {
      name: 'an unsigned alg:none token',
      code: 'token_alg_not_allowed',
      token: async () => issuer.unsigned(),
    },
    {
      name: 'a token naming an unknown key',
      code: 'token_unknown_kid',
      token: () => issuer.token({ kid: 'no-such-key' }),
    },
    {
      name: 'a token without a subject',
      code: 'token_missing_subject',
      token: () => issuer.token({ claims: { sub: undefined } }),
    },
    { name: 'a token that is not a JWT', code: 'token_malformed', token: async () => 'not.a-jwt' },
  ];

  it.each(bad)('rejects $name with 401 $code', async ({ code, token }) => {
    const res = await me(bearer(await token()));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).not.toContain('eyJ');
  });

  it('gives every kind of bad token its own error code', () => {
    expect(new Set(bad.map((b) => b.code)).size).toBe(bad.length);
  });

  it('rejects a sign-in time in the future as not yet valid', async () => {
    const res = await me(bearer(await issuer.token({ claims: { auth_time: now() + hour } })));
    expect(res.json().error.code).toBe('token_not_yet_valid');
  });

  it('rejects a request without a token with token_missing', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: 'Bearer' },
    ];
    for (const headers of attempts) {
      const res = await me(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('token_missing');
    }
  });

  it('fetches the certificates once and caches them for their max-age', async () => {
    const before = issuer.certFetches();
    for (let i = 0; i < 5; i++) expect((await me(bearer(await issuer.token()))).statusCode).toBe(200);
    expect(issuer.certFetches() - before).toBe(0);
    expect(issuer.certFetches()).toBe(1);
  });
});

describe('signed-in users', () => {
  const db = () => fb.ctx.runtime.deps.db;
  const logins = (uid: string) =>
    (
      db().prepare(`SELECT COUNT(*) AS n FROM events WHERE user_id = ? AND type = 'auth.login'`).get(uid) as {
        n: number;
      }
    ).n;

  it('upserts the user row from the token, with its last-seen time', async () => {
    const claims = { ...validClaims(issuer.projectId, 'alice'), name: 'Alice A.' };
    expect((await me(bearer(await issuer.token({ claims })))).statusCode).toBe(200);
    const row = db().prepare('SELECT * FROM users WHERE id = ?').get('alice') as Record<string, unknown>;
    expect(row).toMatchObject({
      email: 'alice@example.com',
      name: 'Alice A.',
      photo_url: expect.any(String),
    });
    expect(row.last_seen_at as number).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records auth.login once per sign-in session, not per token refresh', async () => {
    const base = validClaims(issuer.projectId, 'bob');
    const session1 = base.auth_time as number;
    await me(bearer(await issuer.token({ claims: base })));
    // A refreshed token: new iat and exp, same auth_time.
    await me(bearer(await issuer.token({ claims: { ...base, iat: now() - 5, exp: now() + hour } })));
    expect(logins('bob')).toBe(1);
    await me(bearer(await issuer.token({ claims: { ...base, auth_time: session1 + 30 } })));
    expect(logins('bob')).toBe(2);
    const event = db()
      .prepare(`SELECT payload, request_id FROM events WHERE user_id = 'bob' ORDER BY id LIMIT 1`)
      .get() as { payload: string; request_id: string };
    expect(JSON.parse(event.payload)).toMatchObject({ provider: 'google.com' });
    expect(event.request_id).toMatch(/^[\w-]{12}$/);
  });
});

describe('ownership', () => {
  let alice: Record<string, string>;
  let mallory: Record<string, string>;
  let jobId: string;
  let assetId: string;

  beforeAll(async () => {
    alice = bearer(await issuer.token({ claims: validClaims(issuer.projectId, 'alice') }));
    mallory = bearer(await issuer.token({ claims: validClaims(issuer.projectId, 'mallory') }));
    const { multipart } = await import('./support/multipart.ts');
    const { characterOnFlatBackground } = await import('./support/images.ts');
    const body = multipart({ actions: EIGHT }, [
      {
        field: 'image',
        fileName: 'a.png',
        contentType: 'image/png',
        data: await characterOnFlatBackground(200),
      },
    ]);
    const res = await fb.app.inject({
      method: 'POST',
      url: '/api/generate-set',
      payload: body.payload,
      headers: { ...body.headers, ...alice },
    });
    expect(res.statusCode).toBe(202);
    jobId = res.json().jobId;
    assetId = (
      fb.ctx.runtime.deps.db.prepare('SELECT id FROM assets WHERE job_id = ?').get(jobId) as { id: string }
    ).id;
  });

  it("answers another user's job, events, download and assets exactly like ones that do not exist", async () => {
    const urls = (id: string, asset: string) => [
      `/api/jobs/${id}`,
      `/api/jobs/${id}/events`,
      `/api/jobs/${id}/download?platform=line-emoji`,
      `/api/assets/${asset}`,
    ];
    const theirs = urls(jobId, assetId);
    const missing = urls('doesNotExist123', 'noSuchAsset456');
    for (let i = 0; i < theirs.length; i++) {
      const stranger = await fb.app.inject({ method: 'GET', url: theirs[i]!, headers: mallory });
      const absent = await fb.app.inject({ method: 'GET', url: missing[i]!, headers: mallory });
      expect(stranger.statusCode, theirs[i]).toBe(404);
      expect(stranger.json()).toEqual(absent.json());
    }
    const list = (await fb.app.inject({ method: 'GET', url: '/api/jobs', headers: mallory })).json();
    expect(list.jobs).toEqual([]);
    const own = await fb.app.inject({ method: 'GET', url: `/api/assets/${assetId}`, headers: alice });
    expect(own.statusCode).toBe(200);
  });

  it('serves a signed asset URL without a token, only to its owner and only until it expires', async () => {
    const signer = fb.ctx.runtime.urlSigner!;
    const signed = signer.sign(`/api/assets/${assetId}`, 'alice');
    expect((await fb.app.inject({ method: 'GET', url: signed })).statusCode).toBe(200);

    const forged = signed.replace('uid=alice', 'uid=mallory');
    const res = await fb.app.inject({ method: 'GET', url: forged });
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'url_signature_invalid']);

    const signedForStranger = signer.sign(`/api/assets/${assetId}`, 'mallory');
    expect((await fb.app.inject({ method: 'GET', url: signedForStranger })).statusCode).toBe(404);

    const expired = signed.replace(/exp=\d+/, `exp=${now() - 1}`);
    expect((await fb.app.inject({ method: 'GET', url: expired })).json().error.code).toBe(
      'url_signature_invalid',
    );
    // A signature is for files only: it opens no other route.
    const jobSigned = signer.sign(`/api/jobs/${jobId}`, 'alice');
    expect((await fb.app.inject({ method: 'GET', url: jobSigned })).json().error.code).toBe('token_missing');
  });
});

describe('public configuration', () => {
  it('exposes the Firebase web config at run time', async () => {
    const body = (await fb.app.inject({ method: 'GET', url: '/api/config' })).json();
    expect(body.authMode).toBe('firebase');
    expect(body.firebase).toEqual({
      apiKey: null,
      authDomain: 'popcon-test.firebaseapp.com',
      projectId: 'popcon-test',
      authEmulatorUrl: null,
    });
  });
});

describe('with the Auth emulator configured', () => {
  let emu: Awaited<ReturnType<typeof firebaseApp>>;
  beforeAll(async () => {
    emu = await firebaseApp(issuer, { FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' });
  });
  afterAll(() => emu?.dispose());

  it("accepts the emulator's unsigned tokens but still checks audience and issuer", async () => {
    const get = (token: string) => emu.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect((await get(issuer.unsigned())).statusCode).toBe(200);
    expect((await get(issuer.unsigned({ aud: 'other' }))).json().error.code).toBe('token_wrong_audience');
    expect((await get(issuer.unsigned({ iss: 'https://evil.example' }))).json().error.code).toBe(
      'token_wrong_issuer',
    );
    expect((await get(issuer.unsigned({ exp: now() - 10 }))).json().error.code).toBe('token_expired');
  });

  it('tells the web app where the emulator is', async () => {
    const body = (await emu.app.inject({ method: 'GET', url: '/api/config' })).json();
    expect(body.firebase).toMatchObject({ authEmulatorUrl: 'http://127.0.0.1:9099', apiKey: 'fake-api-key' });
  });
});

describe('remembered tokens', () => {
  it('stops accepting a remembered token once it expires', async () => {
    const { FirebaseTokenVerifier } = await import('../src/auth/token-verifier.ts');
    const { HttpCertificateSource } = await import('../src/auth/certificate-source.ts');
    let clock = Date.now();
    const verifier = new FirebaseTokenVerifier({
      projectId: issuer.projectId,
      certificates: new HttpCertificateSource(issuer.certsUrl),
      clock: () => clock,
    });
    const token = await issuer.token({ claims: { exp: Math.floor(clock / 1000) + 60 } });
    expect((await verifier.verify(token)).uid).toBe('user-1');
    expect((await verifier.verify(token)).uid).toBe('user-1');
    clock += 120_000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'token_expired' });
  });
});
