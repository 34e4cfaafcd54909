import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS, can, canChangeIdea, ERROR_CODES, ERROR_MESSAGES, eventInputSchema, GRANDE_SOIREE_TEMPLATE, gridPosition, HTTP_STATUS, ideaTextSchema,
  initBoardDoc, JOIN_CODE_ALPHABET, joinCodeSchema, makeJoinCode, moveIdea, normalizeJoinCode, pickLanguage, pseudonymSchema, putIdeaCard,
  readIdeaCards, readPosition, removeIdeaCard, BOARD_SCHEMA_VERSION, STICKY, type IdeaCard,
} from '@semis/shared';

describe('permissions', () => {
  it('lets participants post and change their own ideas but never write board documents', () => {
    expect(can('participant', 'idea.post')).toBe(true);
    expect(can('participant', 'board.read')).toBe(true);
    expect(can('participant', 'board.write')).toBe(false);
    expect(can('participant', 'event.manage')).toBe(false);
  });
  it('gives facilitators board writes and event management', () => {
    expect(can('facilitator', 'board.write')).toBe(true);
    expect(can('facilitator', 'event.manage')).toBe(true);
  });
  it('gives every action to exactly the roles the method gives it', () => {
    const participantOnly = ['idea.post', 'idea.editOwn', 'idea.deleteOwn', 'vote.cast', 'group.join', 'groupBoard.write', 'poster.react', 'poster.comment'];
    const facilitatorOnly = ['board.write', 'event.manage', 'phase.change', 'timer.control', 'atelier.configure', 'idea.moderate', 'participant.block', 'vote.manage', 'candidate.manage', 'group.roles.any'];
    const both = ['board.read', 'group.create', 'board.export'];
    // Every action is classified once: a new action must be placed here on purpose.
    expect([...participantOnly, ...facilitatorOnly, ...both].sort()).toEqual([...ACTIONS].sort());
    for (const a of ACTIONS) {
      expect([a, can('participant', a), can('facilitator', a)]).toEqual([a, !facilitatorOnly.includes(a), !participantOnly.includes(a)]);
    }
  });
  it('leaves participants only reading and exporting in a closed atelier', () => {
    expect(ACTIONS.filter((a) => can('participant', a, { phase: 'cloture' }))).toEqual(['board.read', 'board.export']);
  });
  it('allows changing an idea only to its author', () => {
    expect(canChangeIdea('a', { authorId: 'a' })).toBe(true);
    expect(canChangeIdea('b', { authorId: 'a' })).toBe(false);
  });
});

describe('join codes', () => {
  it('uses no ambiguous characters', () => {
    for (const c of '0O1IL5S2Z8B') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
  it('makes 6-character codes from the alphabet, evenly', () => {
    // mulberry32: a small seeded generator, so the test is repeatable.
    let seed = 42;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) & 255;
    };
    const rand = (n: number) => Uint8Array.from({ length: n }, next);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const code = makeJoinCode(rand);
      expect(joinCodeSchema.safeParse(code).success).toBe(true);
      for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    const expected = (2000 * 6) / JOIN_CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.25);
  });
  it('rejects biased bytes rather than folding them (rejection sampling)', () => {
    const bytes = [255, 255, 0, 1, 2, 3, 4, 5];
    expect(makeJoinCode((n) => Uint8Array.from({ length: n }, (_, i) => bytes[i % bytes.length]!))).toBe('ACDEFG');
  });
  it('normalises what people type', () => {
    expect(normalizeJoinCode(' ac-def g ')).toBe('ACDEFG');
  });
});

describe('schemas', () => {
  it('trims idea text and counts 1–280 characters after trimming', () => {
    expect(ideaTextSchema.parse('  bonjour  ')).toBe('bonjour');
    expect(ideaTextSchema.safeParse('   ').success).toBe(false);
    expect(ideaTextSchema.safeParse('a'.repeat(280)).success).toBe(true);
    expect(ideaTextSchema.safeParse('a'.repeat(281)).success).toBe(false);
    expect(ideaTextSchema.safeParse(` ${'a'.repeat(280)}\n`).success).toBe(true);
  });
  it('refuses control characters and over-long pseudonyms', () => {
    expect(pseudonymSchema.safeParse('Léa').success).toBe(true);
    expect(pseudonymSchema.safeParse('a\u0000b').success).toBe(false);
    expect(pseudonymSchema.safeParse('x'.repeat(41)).success).toBe(false);
  });
  it('accepts the 15-atelier template as an event', () => {
    expect(GRANDE_SOIREE_TEMPLATE).toHaveLength(15);
    const parsed = eventInputSchema.parse({ name: 'Grande soirée', ateliers: GRANDE_SOIREE_TEMPLATE });
    expect(parsed.ateliers.every((a) => a.boardKind === 'mur')).toBe(true);
    expect(parsed.date).toBeNull();
  });
});

describe('errors and languages', () => {
  it('has a status and a message in each language for every code', () => {
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_MESSAGES.fr[code]).toBeTruthy();
      expect(ERROR_MESSAGES.en[code]).toBeTruthy();
    }
  });
  it('defaults to French', () => {
    expect(pickLanguage(undefined)).toBe('fr');
    expect(pickLanguage('de-DE,de')).toBe('fr');
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
  });
});

describe('board document contract', () => {
  const card = (id: string, createdAt: string): IdeaCard => ({ id, text: `t${id}`, authorId: 'a', author: 'Léa', createdAt, updatedAt: createdAt });

  it('stamps the schema version once', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, 'b1', 'mur');
    initBoardDoc(doc, 'b1', 'mur');
    expect(doc.getMap('meta').toJSON()).toEqual({ schemaVersion: BOARD_SCHEMA_VERSION, boardId: 'b1', kind: 'mur' });
  });

  it('places new cards on free grid slots and keeps moved positions', () => {
    const doc = new Y.Doc();
    putIdeaCard(doc, card('1', '2026-01-01T00:00:01Z'));
    putIdeaCard(doc, card('2', '2026-01-01T00:00:02Z'));
    expect(readPosition(doc, '1')).toEqual(gridPosition(0));
    expect(readPosition(doc, '2')).toEqual({ x: STICKY.width + STICKY.gap, y: 0 });
    moveIdea(doc, '1', { x: 5, y: 6 });
    putIdeaCard(doc, { ...card('1', '2026-01-01T00:00:01Z'), text: 'edited', updatedAt: '2026-01-01T00:01:00Z' });
    expect(readPosition(doc, '1')).toEqual({ x: 5, y: 6 });
    expect(readIdeaCards(doc).map((c) => c.text)).toEqual(['edited', 't2']);
    removeIdeaCard(doc, '1');
    expect(readIdeaCards(doc).map((c) => c.id)).toEqual(['2']);
    expect(readPosition(doc, '1')).toBeNull();
  });

  it('does not rewrite an unchanged card (no needless CRDT traffic)', () => {
    const doc = new Y.Doc();
    putIdeaCard(doc, card('1', 'x'));
    let updates = 0;
    doc.on('update', () => updates++);
    putIdeaCard(doc, card('1', 'x'));
    expect(updates).toBe(0);
  });

  it('skips malformed cards when reading, reporting them', () => {
    const doc = new Y.Doc();
    putIdeaCard(doc, card('ok', 'x'));
    doc.getMap('ideas').set('bad', { text: 3 });
    doc.getMap('ideas').set('mismatch', card('other', 'y'));
    const invalid: string[] = [];
    expect(readIdeaCards(doc, (k) => invalid.push(k)).map((c) => c.id)).toEqual(['ok']);
    expect(invalid.sort()).toEqual(['bad', 'mismatch']);
  });

  it('grid wraps after STICKY.columns', () => {
    expect(gridPosition(STICKY.columns)).toEqual({ x: 0, y: STICKY.height + STICKY.gap });
  });
});
