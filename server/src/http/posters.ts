import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { API, C, COMMANDS, adminCreateGroupBody, exportQuerySchema, MAX_UPLOAD_BYTES, pickLanguage, type BoardInfo } from '@semis/shared';
import { AppError, parseInput } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { boardRights, findBoard, requireFacilitator, resolveToken, type Principal } from '../services/access';
import { boardFeed, createGroup, listGroupViews } from '../services/posters';
import { exportPng, exportSvg, readAsset, uploadBackground } from '../services/boardFiles';
import type { Notifier } from '../services/notifier';
import { bearer, bodyErrors, route, sendError } from './api';
import { bodyGate } from './admission';

export interface PosterHttpDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
  log: (m: string) => void;
  broadcast: Notifier;
}

type Authed = Request & { principal?: Principal };

/** Poster workshop routes (issue #5). Thin: authenticate, parse, call a service, answer. */
export function posterRouter(deps: PosterHttpDeps): express.Router {
  const r = express.Router();
  const { storage } = deps;
  const lang = (req: Request) => pickLanguage(req.headers['accept-language']);
  const who = (req: Request) => resolveToken(storage, bearer(req));
  // Images are read whole (5 MiB) before they are sniffed: a few tables' maps at once, not hundreds.
  const uploadGate = bodyGate(4, 16);
  // Authenticate before reading a large body, so an anonymous upload is refused without it.
  const authFirst = async (req: Authed, res: Response, next: NextFunction) => {
    try {
      req.principal = await who(req);
      next();
    } catch (err) {
      sendError(req, res, err);
    }
  };

  r.get(API.posters, route(async (req) => ({ groups: await listGroupViews(storage, (await who(req)).event.id) })));

  r.post(API.adminGroups, express.json({ limit: '16kb' }), route(async (req, res) => {
    const facilitator = await requireFacilitator(storage, bearer(req));
    const body = parseInput(adminCreateGroupBody, { ...(req.body as object) }, COMMANDS[C.createGroup].fields);
    const out = await createGroup(storage, facilitator, { ...body, id: randomUUID() }, deps.now());
    deps.broadcast.groupChanged(out.view);
    res.status(201);
    return { group: out.view };
  }));

  r.get(API.boardPattern, route(async (req): Promise<BoardInfo> => {
    const principal = await who(req);
    const board = await findBoard(storage, String(req.params.boardId));
    if (!board || board.eventId !== principal.event.id) throw new AppError('UNKNOWN_BOARD', 'boardId');
    const group = board.groupId ? ((await listGroupViews(storage, board.eventId)).find((v) => v.group.id === board.groupId) ?? null) : null;
    const { canWrite } = await boardRights(storage, principal, board);
    return { id: board.id, kind: board.kind, eventId: board.eventId, atelierId: board.atelierId, group, canWrite };
  }));

  r.get(API.boardFeedPattern, route(async (req) => boardFeed(storage, await who(req), String(req.params.boardId))));

  r.post(
    API.boardBackgroundPattern,
    authFirst,
    uploadGate,
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    route(async (req: Authed, res) => {
      res.status(201);
      return uploadBackground(deps, req.principal!, String(req.params.boardId), req.headers['content-type'], req.body);
    }),
  );

  r.get(API.boardExportPattern, route(async (req, res) => {
    const principal = await who(req);
    const boardId = String(req.params.boardId);
    const format = String(req.params.format);
    const name = `semis-${boardId.slice(0, 8)}`;
    if (format === 'svg') {
      const svg = await exportSvg(deps, principal, boardId, lang(req));
      res.type('image/svg+xml').setHeader('Content-Disposition', `attachment; filename="${name}.svg"`);
      res.send(svg);
    } else if (format === 'png') {
      const { width } = parseInput(exportQuerySchema, req.query);
      const png = await exportPng(deps, principal, boardId, lang(req), width);
      res.type('image/png').setHeader('Content-Disposition', `attachment; filename="${name}.png"`);
      res.send(png);
    } else throw new AppError('NOT_FOUND');
  }));

  r.get(API.assetPattern, route(async (req, res) => {
    const { asset, data } = await readAsset(storage, await who(req), String(req.params.assetId));
    // Served as the sniffed type only, never rendered as anything else.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, max-age=86400, immutable');
    res.type(asset.mime).send(Buffer.from(data));
  }));

  r.use(bodyErrors);
  return r;
}
