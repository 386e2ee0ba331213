import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/api/server.ts';
import { ConfigError, GOOGLE_SECURETOKEN_CERTS_URL, loadConfig } from '../src/config/config.ts';

const SECRET_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
const serviceAccount = {
  type: 'service_account',
  project_id: 'popcon-prod',
  client_email: 'svc@popcon-prod.iam.gserviceaccount.com',
  private_key: SECRET_KEY,
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('auth configuration', () => {
  it('defaults to local mode on loopback when no Firebase project is set', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ mode: 'local', allowRemote: false, firebase: null });
    expect(config.host).toBe('127.0.0.1');
    expect(config.quota).toMatchObject({ maxRunningJobs: null, dailyEmojis: null, requestsPerMinute: null });
  });

  it('switches to Firebase mode when a project is set, with the production certificate source', () => {
    const config = loadConfig({ FIREBASE_PROJECT_ID: 'popcon-prod' });
    expect(config.auth.mode).toBe('firebase');
    expect(config.auth.firebase).toMatchObject({
      projectId: 'popcon-prod',
      authDomain: 'popcon-prod.firebaseapp.com',
      certsUrl: GOOGLE_SECURETOKEN_CERTS_URL,
      emulatorHost: null,
      serviceAccount: null,
    });
    expect(config.quota).toMatchObject({ maxRunningJobs: 1, dailyEmojis: 120, requestsPerMinute: 120 });
  });

  it('requires FIREBASE_PROJECT_ID in Firebase mode', () => {
    expect(problems({ AUTH_MODE: 'firebase' })).toEqual([
      'FIREBASE_PROJECT_ID: required when AUTH_MODE=firebase',
    ]);
  });

  it('decodes the service account from base64', () => {
    const config = loadConfig({
      FIREBASE_PROJECT_ID: 'popcon-prod',
      FIREBASE_SERVICE_ACCOUNT_B64: b64(JSON.stringify(serviceAccount)),
    });
    expect(config.auth.firebase?.serviceAccount).toEqual({
      projectId: 'popcon-prod',
      clientEmail: serviceAccount.client_email,
      privateKey: SECRET_KEY,
    });
  });

  it.each([
    [
      'malformed base64',
      `${b64(JSON.stringify(serviceAccount)).slice(0, 40)}!!${SECRET_KEY}`,
      /not valid base64/,
    ],
    ['base64 of something not JSON', b64(`{"private_key": "${SECRET_KEY}"`), /not JSON/],
    [
      'JSON that is not a service account',
      b64(JSON.stringify({ private_key: SECRET_KEY })),
      /service-account/,
    ],
  ])('stops start-up on %s, naming the variable and never its content', (_name, value, reason) => {
    const [problem, ...rest] = problems({
      FIREBASE_PROJECT_ID: 'popcon-prod',
      FIREBASE_SERVICE_ACCOUNT_B64: value,
    });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^FIREBASE_SERVICE_ACCOUNT_B64: /);
    expect(problem).toMatch(reason);
    expect(problem).not.toContain('PRIVATE KEY');
    expect(problem).not.toContain(value.slice(0, 12));
  });

  it('refuses local mode, the Auth emulator and the test certificate source in production', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'AUTH_MODE: local mode has no sign-in and is refused in production',
    ]);
    expect(
      problems({
        NODE_ENV: 'production',
        FIREBASE_PROJECT_ID: 'popcon-prod',
        FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
        AUTH_CERTS_URL: 'http://127.0.0.1:1234/certs',
      }),
    ).toEqual([
      'FIREBASE_AUTH_EMULATOR_HOST: the Auth emulator is refused in production',
      'AUTH_CERTS_URL: a test-only setting, refused in production',
    ]);
    expect(problems({ NODE_ENV: 'production', FIREBASE_PROJECT_ID: 'popcon-prod' })).toEqual([]);
  });

  it('reads the CORS allow-list and refuses entries that are not origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).cors.origins).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
    expect(loadConfig({}).cors.origins).toEqual([]);
    expect(problems({ CORS_ORIGINS: 'https://a.example/path' })[0]).toMatch(/^CORS_ORIGINS/);
  });

  it('lets each limit be set or switched off', () => {
    const quota = loadConfig({
      FIREBASE_PROJECT_ID: 'popcon-prod',
      QUOTA_MAX_RUNNING_JOBS: '3',
      QUOTA_DAILY_EMOJIS: 'off',
    }).quota;
    expect(quota).toMatchObject({ maxRunningJobs: 3, dailyEmojis: null, requestsPerMinute: 120 });
  });
});

describe('local mode listening', () => {
  it('refuses a non-loopback address unless LOCAL_MODE_ALLOW_REMOTE=1', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-listen-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0', PORT: '0', LOG_LEVEL: 'silent' });
      await expect(startServer(config, { worker: false })).rejects.toThrow(/LOCAL_MODE_ALLOW_REMOTE=1/);
      expect(loadConfig({ LOCAL_MODE_ALLOW_REMOTE: '1' }).host).toBe('0.0.0.0');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
