import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { hashToken } from '../auth/tokens';
import { AppError } from '../errors';
import { KeyedBuckets, type Rate } from '../limits/tokenBucket';
import { bearer, sendError } from './api';

/**
 * Security headers on every answer (helmet): a Content-Security-Policy with no inline script,
 * no framing (frame-ancestors 'none' + X-Frame-Options), nosniff, no referrer (admin links
 * carry their token in the fragment, and nothing of ours should leak to other sites).
 * Workers and the web app manifest come from our origin (service worker, app shell).
 */
export function securityHeaders(): RequestHandler {
  const safeHost = (req: Request) => (/^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host ?? '') ? req.headers.host! : 'localhost');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // React and Konva set styles through the DOM; the built CSS is a file. Inline style
        // attributes are harmless next to scripts, and some libraries still emit them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers ws:/wss: on the same host in CSP 3; spelled out for older engines.
        connectSrc: ["'self'", (req) => `ws://${safeHost(req as Request)}`, (req) => `wss://${safeHost(req as Request)}`],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
    // Exports and images are opened by our own pages only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only meaningful over HTTPS; harmless on the venue's plain-HTTP LAN (browsers ignore it).
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
}

/**
 * HTTP rate limit keyed by bearer token (its hash), never by IP address: 150 phones behind one
 * venue NAT share an address. Requests without a token share one generous bucket per route
 * group; guessing join codes over HTTP is held back by the JoinGuard instead.
 */
export function rateLimitByToken(rates: { token: Rate; anonymous: Rate }): RequestHandler {
  const byToken = new KeyedBuckets(rates.token);
  const anonymous = new KeyedBuckets(rates.anonymous);
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    const ok = token ? byToken.take(hashToken(token)) : anonymous.take('anonymous');
    if (ok) return next();
    res.setHeader('Retry-After', '1');
    sendError(req, res, new AppError('RATE_LIMITED'));
  };
}

/** The last route: anything no router answered. */
export function notFound(req: Request, res: Response): void {
  sendError(req, res, new AppError('NOT_FOUND'));
}

/** Anything that escaped a router (a decoder's error, a bug) gets our JSON error, never a stack. */
export function lastErrorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  const app = err instanceof AppError ? err : status === 413 ? new AppError('PAYLOAD_TOO_LARGE') : status && status >= 400 && status < 500 ? new AppError('BAD_REQUEST') : err;
  if (res.headersSent) return void res.end();
  sendError(req, res, app);
}
