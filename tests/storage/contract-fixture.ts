/** The records every part of the storage contract (contract.ts) seeds and writes. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_VOTE_CONFIG, JOIN_CODE_ALPHABET, type Atelier } from '@semis/shared';
import type { EventRecord, NewIdea, ParticipantRecord, Storage } from '../../server/src/storage/index';

/**
 * The storage and fixture of the test that runs. contract.ts opens one storage per driver and
 * seeds a fresh fixture before each test; each part reads them through this, since the
 * durability test replaces the storage.
 */
export interface Shared { readonly s: Storage; readonly fx: Fixture }

export interface Fixture {
  event: EventRecord;
  ateliers: Atelier[];
  alice: ParticipantRecord;
  bob: ParticipantRecord;
}

/** An event with three ateliers inserted out of position order, and two participants. */
export async function seed(s: Storage): Promise<Fixture> {
  const event = eventRecord();
  const ateliers = [2, 0, 1].map((position) => atelierRecord(event.id, position));
  await s.createEvent(event, ateliers);
  const alice = participantRecord(event.id, 'Alice', ateliers[1]!.id);
  const bob = participantRecord(event.id, 'Bob', null);
  await s.createParticipant(alice);
  await s.createParticipant(bob);
  return { event, ateliers, alice, bob };
}

export function eventRecord(): EventRecord {
  return {
    id: randomUUID(),
    name: 'Assises du territoire',
    date: '2030-06-12',
    place: 'Salle des fêtes',
    retentionDays: 30,
    joinCode: joinCode(),
    adminTokenHash: randomUUID(),
    createdAt: new Date().toISOString(),
    timer: null,
  };
}

export function atelierRecord(eventId: string, position: number): Atelier {
  return {
    id: randomUUID(),
    eventId,
    position,
    title: `Atelier ${position}`,
    theme: 'Mobilités',
    question: 'Comment venir sans voiture ?',
    boardKind: 'mur',
    boardId: randomUUID(),
    phase: 'ideation',
    privateWriting: false,
    moderated: false,
    showAuthors: true,
    timer: null,
    vote: DEFAULT_VOTE_CONFIG,
  };
}

export function participantRecord(eventId: string, pseudonym: string, atelierId: string | null): ParticipantRecord {
  return { id: randomUUID(), eventId, pseudonym, tokenHash: randomUUID(), atelierId, createdAt: new Date().toISOString(), blockedAt: null };
}

/** Alice's idea on the first atelier (position 2) unless overridden. */
export function newIdea(fx: Fixture, overrides: Partial<NewIdea> = {}): NewIdea {
  const atelier = fx.ateliers[0]!;
  return {
    id: randomUUID(),
    eventId: fx.event.id,
    atelierId: atelier.id,
    boardId: atelier.boardId,
    authorId: fx.alice.id,
    text: 'Des navettes le samedi',
    now: new Date().toISOString(),
    ...overrides,
  };
}

export function joinCode(): string {
  return Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)]).join('');
}

export function later(iso: string, seconds = 1): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

export function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}
