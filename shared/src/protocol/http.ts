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

export interface AdminEventResult {
  event: SemisEvent;
  /** All the event's ateliers, or only the co-facilitator's one. */
  ateliers: Atelier[];
  links: Omit<EventLinks, 'admin'>;
  /** null for the admin link; the atelier id of a co-facilitator link. */
  scope: string | null;
  /** "animation", or the co-facilitator's name. */
  actor: string;
}

export interface JoinInfoResult {
  event: PublicEvent;
  ateliers: Atelier[];
}
