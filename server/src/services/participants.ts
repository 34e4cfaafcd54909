import { randomUUID } from 'node:crypto';
import { distinctPseudonym, legacyPseudonymKey, PSEUDONYM_MAX, pseudonymKey, type C, type CommandPayload, type JoinResult, type PublicParticipant } from '@semis/shared';
import { AppError } from '../errors';
import { hashToken, newToken } from '../auth/tokens';
import type { EventRecord, ParticipantRecord, Storage } from '../storage/types';
import { resolveToken } from './access';
import { eventByCode, publicEvent } from './events';

export function publicParticipant(p: ParticipantRecord): PublicParticipant {
  return { id: p.id, pseudonym: p.pseudonym, atelierId: p.atelierId };
}

/** Join by code with a pseudonym, or come back with the token the phone kept. */
export async function join(storage: Storage, { code, pseudonym, token }: CommandPayload<typeof C.join>, now: string): Promise<{ result: JoinResult; participant: ParticipantRecord }> {
  const codeEvent = code !== undefined ? await eventByCode(storage, code) : null;

  if (token) {
    const who = await resolveToken(storage, token).catch((err: unknown) => {
      // A blocked phone stays blocked, whatever it sends along.
      if (err instanceof AppError && err.code === 'BLOCKED') throw err;
      return null;
    });
    const sameEvent = who?.role === 'participant' && (!codeEvent || codeEvent.id === who.event.id);
    if (who?.role === 'participant' && sameEvent) {
      let participant = who.participant;
      if (pseudonym && pseudonym !== participant.pseudonym) {
        await refuseBlocked(storage, participant.eventId, pseudonym);
        const shown = await storage.renameParticipant(participant.id, participant.eventId, (taken) => distinctPseudonym(pseudonym, taken, PSEUDONYM_MAX));
        participant = { ...participant, pseudonym: shown };
      }
      return { participant, result: await joinResult(storage, participant, token, who.event) };
    }
    if (!codeEvent || !pseudonym) throw new AppError('NOT_AUTHENTICATED', 'token');
  }
  if (!codeEvent) throw new AppError('UNKNOWN_CODE', 'code');
  if (!pseudonym) throw new AppError('INVALID_PSEUDONYM', 'pseudonym');
  await refuseBlocked(storage, codeEvent.id, pseudonym);

  const fresh = newToken();
  const unnamed = { id: randomUUID(), eventId: codeEvent.id, atelierId: null, createdAt: now, tokenHash: hashToken(fresh), blockedAt: null };
  // Same pseudonym as someone already here: told apart on every screen ("Camille (2)").
  const shown = await storage.createNamedParticipant(unnamed, (taken) => distinctPseudonym(pseudonym, taken, PSEUDONYM_MAX));
  const participant: ParticipantRecord = { ...unnamed, pseudonym: shown };
  return { participant, result: await joinResult(storage, participant, fresh, codeEvent) };
}

/** `known`: the event already read while resolving the code or token (saves a query per join). */
async function joinResult(storage: Storage, p: ParticipantRecord, token: string, known: EventRecord): Promise<JoinResult> {
  const event = known.id === p.eventId ? known : await storage.getEvent(p.eventId);
  if (!event) throw new AppError('UNKNOWN_EVENT');
  return { participant: publicParticipant(p), token, event: publicEvent(event), ateliers: await storage.listAteliers(event.id) };
}

async function refuseBlocked(storage: Storage, eventId: string, pseudonym: string): Promise<void> {
  // Look-alikes fold to one key; blocks stored before that fold existed still match their old key.
  const keys = new Set([pseudonymKey(pseudonym), legacyPseudonymKey(pseudonym)]);
  for (const key of keys) if (await storage.isPseudonymBlocked(eventId, key)) throw new AppError('PSEUDONYM_BLOCKED', 'pseudonym');
}
