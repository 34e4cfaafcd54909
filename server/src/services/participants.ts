import { randomUUID } from 'node:crypto';
import {
  joinCodeSchema, legacyPseudonymKey, normalizeJoinCode, PSEUDONYM_MAX, pseudonymChoice, pseudonymKey,
  type Atelier, type C, type CommandPayload, type JoinResult, type PublicParticipant,
} from '@semis/shared';
import { AppError } from '../errors';
import { hashToken, newToken } from '../auth/tokens';
import type { EventRecord, JoinContext, ParticipantRecord, Storage } from '../storage/types';
import { resolveToken } from './access';
import type { EventSeats } from '../limits/eventSeats';
import { publicEvent } from './events';

export function publicParticipant(p: ParticipantRecord): PublicParticipant {
  return { id: p.id, pseudonym: p.pseudonym, atelierId: p.atelierId };
}

/** What a join produced: the ack, the participant as stored, and the atelier it entered (when asked). */
export interface Joined {
  result: JoinResult;
  participant: ParticipantRecord;
  atelier: Atelier | null;
}

/**
 * Join by code with a pseudonym, or come back with the token the phone kept; with `atelierId`,
 * enter that atelier in the same command. A phone's first join reads once (its event, the
 * ateliers and the block check together), then writes in one transaction (the pseudonyms in
 * use, read under the event's lock, and the insert); a token rejoin reads twice (the token's
 * owner, the ateliers) and writes only what changed.
 */
export async function join(storage: Storage, { code, pseudonym, token, atelierId }: CommandPayload<typeof C.join>, now: string, seats?: EventSeats): Promise<Joined> {
  if (token) {
    const who = await resolveToken(storage, token).catch((err: unknown) => {
      // A blocked phone stays blocked, whatever it sends along.
      if (err instanceof AppError && err.code === 'BLOCKED') throw err;
      return null;
    });
    // Codes are stored normalized: the phone's own code is recognised without a query.
    if (who?.role === 'participant' && (code === undefined || normalizeJoinCode(code) === who.event.joinCode)) {
      let participant = who.participant;
      const ateliers = await storage.listAteliers(who.event.id);
      const atelier = chosen(ateliers, atelierId);
      if (pseudonym && pseudonym !== participant.pseudonym) {
        await refuseBlocked(storage, participant.eventId, pseudonym);
        const shown = await storage.renameParticipant(participant.id, participant.eventId, pseudonymChoice(pseudonym, PSEUDONYM_MAX));
        participant = { ...participant, pseudonym: shown };
      }
      if (atelier && atelier.id !== participant.atelierId) {
        await storage.updateParticipant(participant.id, { atelierId: atelier.id });
        participant = { ...participant, atelierId: atelier.id };
      }
      return { participant, atelier, result: joinResult(participant, token, who.event, ateliers) };
    }
    if (code === undefined) throw new AppError('NOT_AUTHENTICATED', 'token');
  }
  // A token of another event (or none that works), with a code: a first join there.
  const found = code !== undefined ? await joinContext(storage, code, pseudonym ? pseudonymKeys(pseudonym) : []) : null;
  if (!found) throw new AppError('UNKNOWN_CODE', 'code');
  if (!pseudonym) throw token ? new AppError('NOT_AUTHENTICATED', 'token') : new AppError('INVALID_PSEUDONYM', 'pseudonym');
  if (found.pseudonymBlocked) throw new AppError('PSEUDONYM_BLOCKED', 'pseudonym');
  const atelier = chosen(found.ateliers, atelierId);
  await seats?.admit(found.event.id);

  const fresh = newToken();
  const unnamed = { id: randomUUID(), eventId: found.event.id, atelierId: atelier?.id ?? null, createdAt: now, tokenHash: hashToken(fresh), blockedAt: null };
  // Same pseudonym as someone already here: told apart on every screen ("Camille (2)").
  const shown = await storage.createNamedParticipant(unnamed, pseudonymChoice(pseudonym, PSEUDONYM_MAX));
  const participant: ParticipantRecord = { ...unnamed, pseudonym: shown };
  seats?.seated(found.event.id);
  return { participant, atelier, result: joinResult(participant, fresh, found.event, found.ateliers) };
}

/** The atelier a join asked to enter: one of the event's, or a refusal before anything is written. */
function chosen(ateliers: readonly Atelier[], atelierId: string | undefined): Atelier | null {
  if (atelierId === undefined) return null;
  const atelier = ateliers.find((a) => a.id === atelierId);
  if (!atelier) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  return atelier;
}

function joinResult(p: ParticipantRecord, token: string, event: EventRecord, ateliers: Atelier[]): JoinResult {
  return { participant: publicParticipant(p), token, event: publicEvent(event), ateliers };
}

/** A typed code that cannot be one is unknown without asking the database. */
function joinContext(storage: Storage, typed: string, keys: readonly string[]): Promise<JoinContext | null> {
  const code = joinCodeSchema.safeParse(normalizeJoinCode(typed));
  return code.success ? storage.joinContext(code.data, keys) : Promise.resolve(null);
}

/** Look-alikes fold to one key; blocks stored before that fold existed still match their old key. */
function pseudonymKeys(pseudonym: string): string[] {
  return [...new Set([pseudonymKey(pseudonym), legacyPseudonymKey(pseudonym)])];
}

async function refuseBlocked(storage: Storage, eventId: string, pseudonym: string): Promise<void> {
  for (const key of pseudonymKeys(pseudonym)) if (await storage.isPseudonymBlocked(eventId, key)) throw new AppError('PSEUDONYM_BLOCKED', 'pseudonym');
}
