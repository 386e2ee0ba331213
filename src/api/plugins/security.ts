import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.ts';

/** What Firebase sign-in (popup or redirect) loads and talks to. */
const FIREBASE_SCRIPT = ['https://apis.google.com'];
const FIREBASE_CONNECT = [
  'https://identitytoolkit.googleapis.com',
  'https://securetoken.googleapis.com',
  'https://www.googleapis.com',
];
const FIREBASE_FRAME = ['https://*.firebaseapp.com', 'https://accounts.google.com'];
/** Google profile photos, shown in the header. */
const PROFILE_PHOTOS = ['https://*.googleusercontent.com'];

/** The Content-Security-Policy directives: the app's own files plus, in Firebase mode, Google sign-in. */
export function cspDirectives(config: Config): Record<string, string[]> {
  const firebase = config.auth.firebase;
  const emulator = firebase?.emulatorHost ? [`http://${firebase.emulatorHost}`] : [];
  const authDomain = firebase ? [`https://${firebase.authDomain}`] : [];
  const signIn = firebase !== null;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(signIn ? FIREBASE_SCRIPT : [])],
    // React sets style attributes through the DOM (allowed); the build has no inline <style>.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(signIn ? PROFILE_PHOTOS : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(signIn ? [...FIREBASE_CONNECT, ...emulator] : [])],
    'frame-src': signIn ? [...FIREBASE_FRAME, ...authDomain, ...emulator] : ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Security headers on every response (helmet) and CORS limited to the
 * configured allow-list; with no list, no cross-origin access at all.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    // Firebase's sign-in popup reports back through window.opener.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Local mode is plain HTTP on loopback; HSTS belongs to a deployment behind TLS.
    strictTransportSecurity: config.auth.mode === 'firebase',
  });
  const origins = config.cors.origins;
  await app.register(cors, {
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'last-event-id'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    credentials: false,
    maxAge: 600,
  });
}
