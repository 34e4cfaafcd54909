import type { Atelier, SemisEvent } from '../schema/event';
import type { PublicEvent } from './socket';

/** HTTP routes, all under /api. Facilitator routes take `Authorization: Bearer <adminToken>`. */
export const API = {
  health: '/api/health',
  createEvent: '/api/events',
  /** GET: the event the bearer admin token opens. */
  adminEvent: '/api/admin/event',
  /** POST: add ateliers to the bearer's event. */
  adminAteliers: '/api/admin/ateliers',
  /** GET: public summary of an event by join code. */
  join: (code: string) => `/api/join/${encodeURIComponent(code)}`,
  joinPattern: '/api/join/:code',
  // Poster workshop (issue #5); see docs/protocol-posters.md.
  /** GET (any token of the event): groups with boards and members. */
  posters: '/api/posters',
  /** POST (facilitator): create a group with its poster, AFOM and optional debate boards. */
  adminGroups: '/api/admin/groups',
  /** GET (any token): kind, group and write right of one board. */
  board: (id: string) => `/api/boards/${encodeURIComponent(id)}`,
  boardPattern: '/api/boards/:boardId',
  /** GET (any token): comments and reactions. */
  boardFeed: (id: string) => `/api/boards/${encodeURIComponent(id)}/feed`,
  boardFeedPattern: '/api/boards/:boardId/feed',
  /** POST (writer of the board): raw PNG/JPEG/WebP body, sets the poster's background map. */
  boardBackground: (id: string) => `/api/boards/${encodeURIComponent(id)}/background`,
  boardBackgroundPattern: '/api/boards/:boardId/background',
  /** GET (any token): the board drawn as SVG, or as PNG (?width=4000…8000). */
  boardExport: (id: string, format: 'svg' | 'png') => `/api/boards/${encodeURIComponent(id)}/export.${format}`,
  boardExportPattern: '/api/boards/:boardId/export.:format',
  /** GET (any token of the event): an uploaded image. */
  asset: (id: string) => `/api/assets/${encodeURIComponent(id)}`,
  assetPattern: '/api/assets/:assetId',
  // After the evening (issue #11); see docs/protocol.md.
  /** POST (facilitator) JSON ReportRequest: the evening's report as PDF or printable HTML. */
  adminReport: '/api/admin/report',
  /** GET (facilitator) ?sep=comma|semicolon&lang=fr|en: ideas, votes, candidates or stakeholders as CSV. */
  adminCsv: (kind: 'ideas' | 'votes' | 'candidates' | 'stakeholders') => `/api/admin/export/${kind}.csv`,
  adminCsvPattern: '/api/admin/export/:kind.csv',
  /** GET (admin link): the whole event as a JSON archive. */
  adminArchive: '/api/admin/archive',
  /** POST (facilitator of the atelier) { format: 'lines' | 'csv', text }: ideas collected beforehand onto its wall. */
  importIdeas: (atelierId: string) => `/api/admin/ateliers/${encodeURIComponent(atelierId)}/ideas/import`,
  importIdeasPattern: '/api/admin/ateliers/:atelierId/ideas/import',
  /** POST (admin link) { name, date?, place? }: a new event with this one's setup (a template). */
  adminDuplicate: '/api/admin/duplicate',
  /** PUT (admin link) { days }: how long pseudonyms are kept once the evening is over (RGPD). */
  adminRetention: '/api/admin/retention',
  /** POST (anyone, like creating an event): an archive's JSON body becomes a new event. */
  importEvent: '/api/events/import',
} as const;

export interface CreateEventResult {
  event: SemisEvent;
  ateliers: Atelier[];
  /** Shown once; only its hash is stored. */
  adminToken: string;
  links: EventLinks;
}

export interface EventLinks {
  /** The facilitator's private link (token in the URL fragment so it never reaches server logs). */
  admin: string;
  /** What the QR code encodes. */
  participant: string;
}

/** Who can open the links: anyone (`public`, PUBLIC_URL), phones on the venue network (`lan`), or
 * only this machine (`loopback`: no LAN address, so phones cannot join — the console says so). */
export type JoinReach = 'public' | 'lan' | 'loopback';

export interface AdminEventResult {
  event: SemisEvent;
  /** All the event's ateliers, or only the co-facilitator's one. */
  ateliers: Atelier[];
  /** `base` is the address phones can reach (never localhost while a LAN address exists);
   * per-atelier links are `${base}/j/CODE/<atelierId>`. */
  links: Omit<EventLinks, 'admin'> & { base: string; reach: JoinReach };
  /** null for the admin link; the atelier id of a co-facilitator link. */
  scope: string | null;
  /** "animation", or the co-facilitator's name. */
  actor: string;
}

export interface JoinInfoResult {
  event: PublicEvent;
  ateliers: Atelier[];
}
