import { z } from 'zod';

/** Google's public certificates for Firebase ID tokens (a kid → X.509 PEM map). */
export const GOOGLE_SECURETOKEN_CERTS_URL =
  'https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com';

export interface FirebaseServiceAccount {
  projectId: string;
  clientEmail: string;
  privateKey: string;
}

export interface FirebaseAuthConfig {
  projectId: string;
  webApiKey: string | null;
  authDomain: string;
  /** host:port of the Auth emulator, whose unsigned tokens are then accepted. */
  emulatorHost: string | null;
  certsUrl: string;
  serviceAccount: FirebaseServiceAccount | null;
}

/** The Firebase variables the sign-in config is built from. */
interface FirebaseEnv {
  FIREBASE_PROJECT_ID?: string;
  FIREBASE_WEB_API_KEY?: string;
  FIREBASE_AUTH_DOMAIN?: string;
  FIREBASE_AUTH_EMULATOR_HOST?: string;
  AUTH_CERTS_URL?: string;
  FIREBASE_SERVICE_ACCOUNT_B64?: string;
}

/** The Firebase sign-in config, or null with a problem when the project is missing. */
export function firebaseConfig(e: FirebaseEnv, problems: string[]): FirebaseAuthConfig | null {
  if (!e.FIREBASE_PROJECT_ID) {
    problems.push('FIREBASE_PROJECT_ID: required when AUTH_MODE=firebase');
    return null;
  }
  return {
    projectId: e.FIREBASE_PROJECT_ID,
    // The emulator accepts any API key; a real project needs its own.
    webApiKey: e.FIREBASE_WEB_API_KEY ?? (e.FIREBASE_AUTH_EMULATOR_HOST ? 'fake-api-key' : null),
    authDomain: e.FIREBASE_AUTH_DOMAIN ?? `${e.FIREBASE_PROJECT_ID}.firebaseapp.com`,
    emulatorHost: e.FIREBASE_AUTH_EMULATOR_HOST ?? null,
    certsUrl: e.AUTH_CERTS_URL ?? GOOGLE_SECURETOKEN_CERTS_URL,
    serviceAccount: e.FIREBASE_SERVICE_ACCOUNT_B64
      ? parseServiceAccount(e.FIREBASE_SERVICE_ACCOUNT_B64, problems)
      : null,
  };
}

/** Decodes the service-account file; problems name the variable, never its content (a private key). */
function parseServiceAccount(b64: string, problems: string[]): FirebaseServiceAccount | null {
  const name = 'FIREBASE_SERVICE_ACCOUNT_B64';
  const compact = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    problems.push(`${name}: not valid base64`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(compact, 'base64').toString('utf8'));
  } catch {
    problems.push(`${name}: the decoded text is not JSON`);
    return null;
  }
  const parsed = z
    .object({
      project_id: z.string().min(1),
      client_email: z.string().min(1),
      private_key: z.string().min(1),
    })
    .safeParse(json);
  if (!parsed.success) {
    problems.push(`${name}: not a service-account file (needs project_id, client_email, private_key)`);
    return null;
  }
  const { project_id, client_email, private_key } = parsed.data;
  return { projectId: project_id, clientEmail: client_email, privateKey: private_key };
}
