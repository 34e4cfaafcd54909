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
 * group; guessing join codes over HTTP is held back by the JoinGuard instead. A token is a
 * client's word until `known` finds it stored: until then it also draws on the shared bucket,
 * so minting a new random token per request buys no budget (it used to).
 */
export function rateLimitByToken(rates: { token: Rate; anonymous: Rate }, known?: (tokenHash: string) => Promise<boolean>): RequestHandler {
  const byToken = new KeyedBuckets(rates.token);
  const anonymous = new KeyedBuckets(rates.anonymous);
  const proven = new ProvenTokens();
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (!token) return anonymous.take('anonymous') ? next() : refuse(req, res);
    const key = hashToken(token);
    if (!byToken.take(key)) return refuse(req, res);
    if (proven.has(key)) return next();
    // Not yet seen to open anything: a client's word, drawing on the shared bucket too.
    if (!anonymous.take('anonymous')) return refuse(req, res);
    if (known && proven.startCheck(key)) void known(key).then((ok) => proven.endCheck(key, ok), () => proven.endCheck(key, false));
    next();
  };
}

/** One bucket shared by every request of a route that takes no token (creating or importing an
 * event): a bearer header, whatever it says, changes nothing. */
export function rateLimitShared(rate: Rate): RequestHandler {
  const bucket = new KeyedBuckets(rate);
  return (req: Request, res: Response, next: NextFunction) => (bucket.take('all') ? next() : refuse(req, res));
}

function refuse(req: Request, res: Response): void {
  res.setHeader('Retry-After', '1');
  sendError(req, res, new AppError('RATE_LIMITED'));
}

/** Hashes of tokens found stored, the most recent 100,000; and those being looked up, so a
 * console's first burst of requests costs one storage read, not one each. */
class ProvenTokens {
  private readonly set = new Set<string>();
  private readonly checking = new Set<string>();
  has(key: string): boolean {
    return this.set.has(key);
  }
  /** False when this token is already being looked up (or too many are). */
  startCheck(key: string): boolean {
    if (this.checking.has(key) || this.checking.size >= 10_000) return false;
    this.checking.add(key);
    return true;
  }
  endCheck(key: string, stored: boolean): void {
    this.checking.delete(key);
    if (!stored) return;
    if (this.set.size >= 100_000) this.set.delete(this.set.values().next().value!);
    this.set.add(key);
  }
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
