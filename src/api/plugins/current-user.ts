import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { SignedUrlParams, UrlSigner } from '../../auth/url-signer.ts';
import type { User } from '../../db/users.repository.ts';
import { AppError } from '../../domain/errors.ts';
import type { RateLimiter } from '../../quota/rate-limiter.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User;
  }
  interface FastifyContextConfig {
    /** Answers without a user (health, config). Everything else under /api/ needs one. */
    public?: boolean;
    /** Also accepts a signed URL instead of a token (files that `<img>` and `<a download>` fetch). */
    signedUrl?: boolean;
    /** Answers without a user when this holds for the request (built-in content, bounded cost). */
    publicIf?: (request: FastifyRequest) => boolean;
  }
  interface FastifyInstance {
    /** Every registered route, for the route-table test. */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  /** Public only for some requests (`publicIf`); otherwise guarded. */
  conditional: boolean;
}

/** Only the API needs a user; static files and the SPA shell are public. */
export const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/');

/** Records every route registered after this call in `app.routeTable`; call it first. */
export function registerRouteTable(app: FastifyInstance): void {
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isPublic = route.config?.public === true || !isApiPath(route.url);
    const conditional = typeof route.config?.publicIf === 'function';
    for (const method of methods)
      app.routeTable.push({ method, url: route.url, public: isPublic, conditional });
  });
}

export interface CurrentUserOptions {
  authenticator: Authenticator;
  /** Null in local mode, where signed URLs are not issued. */
  urlSigner: UrlSigner | null;
  /** Per-user requests a minute; null for no limit. */
  rateLimiter: RateLimiter | null;
  clock?: () => number;
}

/**
 * Attaches the caller to every API request and refuses the request when there
 * is none: a verified ID token (Firebase mode), a valid signed URL on routes
 * that allow one, or the implicit local user (local mode). Then applies the
 * per-user request rate limit.
 */
export function registerCurrentUser(app: FastifyInstance, options: CurrentUserOptions): void {
  const { authenticator, urlSigner, rateLimiter, clock = Date.now } = options;
  app.decorateRequest('user', null as unknown as User);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    // Preflights carry no credentials by design; the CORS plugin answers them.
    // Judged by the matched route's pattern, not the raw URL, so no spelling of a path
    // (percent-encoding, case) reaches an API route unchecked; unmatched URLs by their path.
    const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    if (request.method === 'OPTIONS' || config.public || !isApiPath(path)) return;
    if (config.publicIf?.(request)) return;
    request.user = await identify(request);
    if (rateLimiter) {
      const taken = rateLimiter.take(request.user.id);
      if (!taken.ok) {
        const at = new Date(clock() + taken.retryAfterSeconds * 1000).toISOString();
        throw new AppError(
          'rate_limited',
          `request rate limit: at most ${rateLimiter.perMinute} requests a minute; ` +
            `try again in ${taken.retryAfterSeconds} s (${at})`,
          { retryAfterSeconds: taken.retryAfterSeconds },
        );
      }
    }
  });

  async function identify(request: FastifyRequest): Promise<User> {
    const query = request.query as SignedUrlParams;
    if (urlSigner && request.routeOptions.config.signedUrl && query.sig !== undefined) {
      const pathname = request.url.split('?')[0] ?? '';
      const id = urlSigner.verify(pathname, query);
      return { id, email: null, name: null, photoUrl: null };
    }
    return authenticator.authenticate(request.headers.authorization, request.id);
  }
}
