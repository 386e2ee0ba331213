import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { base64url, importPKCS8, type KeyLike, SignJWT } from 'jose';

/** A local stand-in for Google's securetoken: RSA keys, X.509 certificates and a certificate server. */
export interface TokenIssuer {
  projectId: string;
  /** Serves `{ kid: pem }` with Cache-Control max-age, like Google's endpoint. */
  certsUrl: string;
  kid: string;
  /** How many times the certificate endpoint was fetched. */
  certFetches(): number;
  /** A signed ID token; `claims` override the valid defaults (undefined removes a claim). */
  token(opts?: TokenOptions): Promise<string>;
  /** An unsigned (`alg: none`) token, as the Auth emulator issues. */
  unsigned(claims?: Record<string, unknown>): string;
  close(): Promise<void>;
}

export interface TokenOptions {
  claims?: Record<string, unknown>;
  kid?: string;
  alg?: 'RS256' | 'RS384';
  /** Sign with a second key whose certificate is not published. */
  foreignKey?: boolean;
}

/** An RSA key and a self-signed certificate, made by the openssl CLI. */
export function makeKeyPair(dir: string, name: string): { keyPem: string; certPem: string } {
  const key = path.join(dir, `${name}.key.pem`);
  const cert = path.join(dir, `${name}.cert.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    ],
    { stdio: 'ignore' },
  );
  return { keyPem: fs.readFileSync(key, 'utf8'), certPem: fs.readFileSync(cert, 'utf8') };
}

/** The claims of a valid Firebase ID token for `projectId`, issued a minute ago. */
export function validClaims(projectId: string, uid = 'user-1'): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    sub: uid,
    user_id: uid,
    iat: now - 60,
    auth_time: now - 120,
    exp: now + 3600,
    email: `${uid}@example.com`,
    name: `User ${uid}`,
    picture: `https://lh3.googleusercontent.com/${uid}.png`,
    firebase: { sign_in_provider: 'google.com', identities: {} },
  };
}

/** Starts the certificate server; `close()` stops it and removes the keys. */
export async function startTokenIssuer(projectId = 'popcon-test'): Promise<TokenIssuer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-keys-'));
  const good = makeKeyPair(dir, 'good');
  const foreign = makeKeyPair(dir, 'foreign');
  const goodKey: KeyLike = await importPKCS8(good.keyPem, 'RS256');
  const foreignKey: KeyLike = await importPKCS8(foreign.keyPem, 'RS256');
  const kid = 'test-key-1';
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches++;
    res.writeHead(200, {
      'content-type': 'application/json; charset=UTF-8',
      'cache-control': 'public, max-age=3600, must-revalidate, no-transform',
    });
    res.end(JSON.stringify({ [kid]: good.certPem }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const withClaims = (overrides: Record<string, unknown> = {}) => {
    const claims = { ...validClaims(projectId), ...overrides };
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
    return claims;
  };

  return {
    projectId,
    certsUrl: `http://127.0.0.1:${port}/certs`,
    kid,
    certFetches: () => fetches,
    async token(opts: TokenOptions = {}) {
      const alg = opts.alg ?? 'RS256';
      const key = opts.foreignKey ? foreignKey : goodKey;
      const signingKey =
        alg === 'RS256' ? key : await importPKCS8(opts.foreignKey ? foreign.keyPem : good.keyPem, alg);
      return new SignJWT(withClaims(opts.claims))
        .setProtectedHeader({ alg, kid: opts.kid ?? kid, typ: 'JWT' })
        .sign(signingKey);
    },
    unsigned(claims: Record<string, unknown> = {}) {
      const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
      return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(withClaims(claims))}.`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `authorization` header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
