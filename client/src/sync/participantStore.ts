// zod/mini, not zod: this runs on every phone, and the full build would double the bundle.
import * as z from 'zod/mini';
import type { Atelier, PublicEvent, PublicParticipant } from '@semis/shared';
import { storage } from './storage';

/**
 * What a phone remembers about one event, so a reload (even offline) lands where it was.
 * Bump SESSION_VERSION when the shape changes: an older copy is then dropped (the phone joins
 * again with its pseudonym) instead of being read as something it is not.
 */
export const SESSION_VERSION = 2;

const participant = z.object({ id: z.string(), pseudonym: z.string(), atelierId: z.nullable(z.string()) });
// Event and ateliers are the server's own records cached for offline reloads: checked for what
// the screens read before the next server push replaces them.
const timer = z.nullable(z.looseObject({ durationMs: z.number(), endsAt: z.nullable(z.number()), remainingMs: z.number() }));
const event = z.looseObject({ id: z.string(), name: z.string(), joinCode: z.string(), timer });
const atelier = z.looseObject({ id: z.string(), boardId: z.string(), title: z.string(), question: z.string(), phase: z.string(), position: z.number(), timer });

const storedSessionSchema = z.object({
  v: z.literal(SESSION_VERSION),
  token: z.nullable(z.string()),
  participant: z.nullable(participant),
  event: z.nullable(event),
  ateliers: z.array(atelier),
  atelierId: z.nullable(z.string()),
});

export interface StoredSession {
  token: string | null;
  participant: PublicParticipant | null;
  event: PublicEvent | null;
  ateliers: Atelier[];
  atelierId: string | null;
}

const key = (code: string) => `semis.participant.${code}`;
export const outboxKey = (code: string) => `semis.outbox.${code}`;

export const EMPTY_SESSION: StoredSession = { token: null, participant: null, event: null, ateliers: [], atelierId: null };

export function loadSession(code: string): StoredSession {
  const parsed = storedSessionSchema.safeParse(storage.getJson<unknown>(key(code)));
  if (!parsed.success) return EMPTY_SESSION;
  const { v: _v, ...s } = parsed.data;
  // The loose checks above guard what the screens read; the rest is the server's own record.
  return s as unknown as StoredSession;
}

export function saveSession(code: string, s: StoredSession): void {
  storage.setJson(key(code), { v: SESSION_VERSION, ...s });
}
