import express, { type NextFunction, type Request, type Response } from 'express';
import { API, pickLanguage } from '@semis/shared';
import { AppError, errorBody, httpStatus } from '../errors';
import { logger } from '../logger';
import type { Storage } from '../storage/types';
import { requireFacilitator, requireWholeEvent } from '../services/access';
import type { BaseUrl } from './baseUrl';
import { isFailedGuess, type JoinGuard } from '../limits/joinGuard';
import { health, type ServiceState } from '../services/health';
import { addAteliers, adminEvent, createEvent, joinInfo } from '../services/events';

export interface ApiDeps {
  storage: Storage;
  /** Where phones reach us, for links and QR codes (see baseUrl.ts). */
  baseUrl: (req: Request) => BaseUrl;
  now: () => string;
  /** Join codes looked up over HTTP are guessed no faster than over socket.io. */
  joinGuard: JoinGuard;
  /** Redis state for /api/health ('off' when not clustered). */
  redisState?: () => ServiceState | 'off';
}

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** Thin routes: parse the request, call a service, answer JSON. */
export function apiRouter(deps: ApiDeps): express.Router {
  const r = express.Router();
  r.use(express.json({ limit: '256kb' }));

  r.get(API.health, route(async (_req, res) => {
    const report = await health(deps.storage, deps.redisState ?? (() => 'off'));
    // 503 lets a load balancer take this process out while its database is unreachable.
    if (!report.ok) res.status(503);
    return report;
  }));

  r.post(API.createEvent, route(async (req, res) => {
    res.status(201);
    return createEvent(deps.storage, req.body, deps.baseUrl(req).url, deps.now());
  }));

  r.get(API.adminEvent, route(async (req) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    return adminEvent(deps.storage, who, deps.baseUrl(req));
  }));

  r.post(API.adminAteliers, route(async (req) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    requireWholeEvent(who);
    return { ateliers: await addAteliers(deps.storage, who.event, req.body) };
  }));

  r.get(API.joinPattern, route(async (req, res) => {
    // A guesser made to wait is told for how long (whole seconds), as HTTP clients expect.
    const wait = deps.joinGuard.waitMs(req.socket);
    if (wait > 0) res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
    deps.joinGuard.check(req.socket);
    return joinInfo(deps.storage, String(req.params.code)).catch((err: unknown) => {
      if (isFailedGuess(err) && deps.joinGuard.failed(req.socket)) res.setHeader('Connection', 'close');
      throw err;
    });
  }));

  r.all('/api/{*rest}', route(async () => {
    throw new AppError('NOT_FOUND');
  }));

  r.use(bodyErrors);
  return r;
}

/** Body-parser failures (bad JSON, too large) land here. */
export function bodyErrors(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = (err as { status?: number }).status;
  const app = status === 413 ? new AppError('PAYLOAD_TOO_LARGE') : status && status < 500 ? new AppError('BAD_REQUEST') : err;
  sendError(req, res, app);
}

/** Wraps a handler: its result is the JSON answer (unless it already answered, e.g. a file). */
export function route(handler: Handler) {
  return async (req: Request, res: Response) => {
    try {
      const body = await handler(req, res);
      if (!res.headersSent) res.json(body);
    } catch (err) {
      sendError(req, res, err);
    }
  };
}

export function sendError(req: Request, res: Response, err: unknown): void {
  if (!(err instanceof AppError)) logger.error({ err, method: req.method, path: req.path }, 'HTTP request failed');
  res.status(httpStatus(err)).json({ error: errorBody(err, pickLanguage(req.headers['accept-language'])) });
}

export function bearer(req: Request): string | null {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : null;
}
