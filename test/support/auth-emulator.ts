import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const FIREBASE_BIN = path.resolve(import.meta.dirname, '../../node_modules/.bin/firebase');

/** True when firebase-tools is installed (a dev dependency). */
export const hasFirebaseTools = fs.existsSync(FIREBASE_BIN);

export interface AuthEmulator {
  /** host:port, the value of FIREBASE_AUTH_EMULATOR_HOST. */
  host: string;
  projectId: string;
  /** Creates an email/password user; resolves to its uid and ID token. */
  signUp(email: string, password: string): Promise<{ uid: string; idToken: string }>;
  /** Signs in with a fake Google account (the emulator takes the claims as JSON). */
  signInWithGoogle(claims: {
    sub: string;
    email: string;
    name?: string;
  }): Promise<{ uid: string; idToken: string }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the Firebase Auth emulator (offline, about 20 s) on free ports, or
 * resolves to null when it does not come up within `timeoutMs`.
 */
export async function startAuthEmulator(
  projectId = 'demo-popcon',
  timeoutMs = 90_000,
): Promise<AuthEmulator | null> {
  if (!hasFirebaseTools) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-emulator-'));
  const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
  fs.writeFileSync(
    path.join(dir, 'firebase.json'),
    JSON.stringify({
      emulators: {
        auth: { host: '127.0.0.1', port },
        hub: { host: '127.0.0.1', port: hub },
        logging: { host: '127.0.0.1', port: logging },
        ui: { enabled: false },
      },
    }),
  );
  const child: ChildProcess = spawn(
    FIREBASE_BIN,
    ['emulators:start', '--only', 'auth', '--project', projectId],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true' },
      detached: true,
    },
  );
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const ready = await new Promise<boolean>((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('All emulators ready')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready) {
    await stop();
    return null;
  }
  const host = `127.0.0.1:${port}`;
  const call = async (method: string, body: Record<string, unknown>) => {
    const res = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=fake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, returnSecureToken: true }),
    });
    const json = (await res.json()) as { localId?: string; idToken?: string; error?: { message: string } };
    if (!res.ok || !json.idToken || !json.localId)
      throw new Error(`emulator ${method}: ${json.error?.message}`);
    return { uid: json.localId, idToken: json.idToken };
  };
  return {
    host,
    projectId,
    signUp: (email, password) => call('signUp', { email, password }),
    signInWithGoogle: (claims) =>
      call('signInWithIdp', {
        postBody: `providerId=google.com&id_token=${encodeURIComponent(JSON.stringify({ ...claims, email_verified: true }))}`,
        requestUri: 'http://localhost',
        returnIdpCredential: true,
      }),
    stop,
  };
}
