import type { Atelier, PublicEvent, PublicParticipant } from '@semis/shared';
import { storage } from './storage';

/** What a phone remembers about one event, so a reload (even offline) lands where it was. */
export interface StoredSession {
  token: string | null;
  participant: PublicParticipant | null;
  event: PublicEvent | null;
  ateliers: Atelier[];
  atelierId: string | null;
}

const key = (code: string) => `semis.participant.${code}`;
export const outboxKey = (code: string) => `semis.outbox.${code}`;

const EMPTY: StoredSession = { token: null, participant: null, event: null, ateliers: [], atelierId: null };

export function loadSession(code: string): StoredSession {
  const s = storage.getJson<Partial<StoredSession>>(key(code));
  return s ? { ...EMPTY, ...s, ateliers: Array.isArray(s.ateliers) ? s.ateliers : [] } : EMPTY;
}

export function saveSession(code: string, s: StoredSession): void {
  storage.setJson(key(code), s);
}
