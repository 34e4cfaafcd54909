import express, { type Request, type Response } from 'express';
import { API, MAX_ARCHIVE_BYTES } from '@semis/shared';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { requireFacilitator } from '../services/access';
import { exportArchive, importArchive } from '../services/archive';
import { deleteEvent } from '../services/rgpd';
import { setRetention } from '../services/retention';
import { duplicateEvent } from '../services/templates';
import { importIdeas } from '../services/importIdeas';
import { collectReport, parseReportRequest } from '../services/report/collect';
import { csvExport } from '../services/exports/csv';
import { renderPdf } from '../services/report/pdf';
import { renderHtml } from '../services/report/html';
import { WorkQueue } from '../limits/workQueue';
import { bearer, bodyErrors, route } from './api';
import { bodyGate } from './admission';

export interface ExportDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
  log: (m: string) => void;
  /** Ends the event's live connections and boards on every process (deleting an event). */
  dropEvent: (eventId: string, boardIds: string[]) => Promise<void>;
  /** Lets every process load these boards again (an imported event that had been deleted). */
  reviveBoards: (boardIds: string[]) => Promise<void>;
  /** Where phones reach us, for the links of a duplicated event. */
  publicUrl: (req: Request) => string;
}

/** What a facilitator takes home after the evening (issue #11): report, exports, archives. */
export function exportsRouter(deps: ExportDeps): express.Router {
  const r = express.Router();
  // Two documents at a time on a 2-core laptop, four more in line: the live evening comes first.
  const queue = new WorkQueue(2, 4);
  // Archives are read whole (32 MiB) before the queue sees them: at most two read at once.
  const importGate = bodyGate(2, 4);

  r.post(API.adminReport, express.json({ limit: '32kb' }), route(async (req, res) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    const request = parseReportRequest(req.body);
    const { data, body } = await queue.run(async () => {
      const data = await collectReport(deps, who, request, deps.now());
      return { data, body: request.format === 'html' ? renderHtml(data) : await renderPdf(data) };
    });
    const name = `${data.lang === 'fr' ? 'restitution' : 'report'}-${slug(data.event.name)}`;
    if (typeof body === 'string') {
      // Its own policy: a standalone page with its inline stylesheet, data: images, no script.
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      sendFile(res, 'text/html; charset=utf-8', `${name}.html`, body);
    } else sendFile(res, 'application/pdf', `${name}.pdf`, body);
  }));

  r.get(API.adminCsvPattern, route(async (req, res) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    const { filename, body } = await csvExport(deps, who, String(req.params.kind), req.query);
    sendFile(res, 'text/csv; charset=utf-8', `${slug(who.event.name)}-${filename}`, body);
  }));

  r.get(API.adminArchive, route(async (req, res) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    const archive = await queue.run(() => exportArchive(deps, who));
    sendFile(res, 'application/json; charset=utf-8', `semis-${slug(who.event.name)}.json`, JSON.stringify(archive));
  }));

  // Like creating an event, importing one needs no token; the archive carries its own links.
  r.post(API.importEvent, importGate, express.raw({ type: () => true, limit: MAX_ARCHIVE_BYTES }), route(async (req, res) => {
    const imported = await queue.run(() => importArchive(deps, req.body));
    // An event deleted here and imported again keeps its board ids, which every process had
    // discarded for good: without this its boards stayed unopenable until a restart.
    await deps.reviveBoards(await deps.storage.archive.boardIds(imported.eventId));
    res.status(201);
    return imported;
  }));

  r.post(API.adminDuplicate, express.json({ limit: '4kb' }), route(async (req, res) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    res.status(201);
    return duplicateEvent(deps.storage, who, req.body, deps.publicUrl(req), deps.now());
  }));

  r.post(API.importIdeasPattern, express.json({ limit: '300kb' }), route(async (req, res) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    res.status(201);
    return importIdeas(deps, who, String(req.params.atelierId), req.body);
  }));

  r.delete(API.adminEvent, express.json({ limit: '4kb' }), route(async (req) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    return deleteEvent(deps, who, req.body);
  }));

  r.put(API.adminRetention, express.json({ limit: '1kb' }), route(async (req) => {
    const who = await requireFacilitator(deps.storage, bearer(req));
    return setRetention(deps.storage, who, req.body);
  }));

  r.use(bodyErrors);
  return r;
}

export function sendFile(res: Response, type: string, filename: string, body: string | Buffer): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(body);
}

/** An ASCII file name from an event name ("Soirée d'Autun" → "soiree-d-autun"). */
export function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'semis';
}
