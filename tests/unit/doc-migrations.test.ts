import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BOARD_SCHEMA_VERSION, DOC_MIGRATIONS, DocumentTooNewError, POSTER_SCHEMA_VERSION, NOTES_SCHEMA_VERSION, initBoardDoc, migrateBoardDoc, readIdeaCards,
} from '@semis/shared';
import { AFOM_COLUMNS, readNotes, readShapes } from '@semis/shared/posters';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ydoc');
function saved(name: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fs.readFileSync(path.join(FIXTURES, `${name}.bin`)));
  return doc;
}
const version = (doc: Y.Doc) => doc.getMap('meta').get('schemaVersion');

describe('board document migrations', () => {
  it('a wall saved at version 1 gets the moderated flag and the current version, cards and places kept', () => {
    const doc = saved('wall-v1');
    expect(version(doc)).toBe(1);
    expect(migrateBoardDoc(doc)).toEqual(['2-cards-moderated-flag']);
    expect(version(doc)).toBe(BOARD_SCHEMA_VERSION);
    const cards = readIdeaCards(doc);
    expect(cards.map((c) => [c.id, c.text, c.author, c.moderated])).toEqual([
      ['i1', 'Un marché de producteurs', 'Léa', false],
      ['i2', 'Des navettes le samedi', 'Malik', false],
    ]);
    expect(doc.getMap('layout').toJSON()).toEqual({ i1: { x: 0, y: 0 }, i2: { x: 200, y: 0 } });
    // Idempotent: loading it again changes nothing.
    expect(migrateBoardDoc(doc)).toEqual([]);
  });

  it('posters and notes get their own version, whatever wall number they were stamped with', () => {
    for (const name of ['poster-v1', 'poster-wall-v2']) {
      const doc = saved(name);
      migrateBoardDoc(doc);
      expect(version(doc)).toBe(POSTER_SCHEMA_VERSION);
    }
    const poster = saved('poster-v1');
    migrateBoardDoc(poster);
    expect(readShapes(poster).map((s) => [s.id, s.type])).toEqual([['s1', 'postit']]);
    const afom = saved('afom-v1');
    expect(migrateBoardDoc(afom)).toEqual(['2-own-version-number']);
    expect(version(afom)).toBe(NOTES_SCHEMA_VERSION);
    expect(readNotes(afom, AFOM_COLUMNS).map((n) => n.text)).toEqual(['Le bocage']);
  });

  it('refuses a document newer than the code and leaves it untouched', () => {
    const doc = saved('poster-v1');
    doc.getMap('meta').set('schemaVersion', POSTER_SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(() => migrateBoardDoc(doc)).toThrow(DocumentTooNewError);
    expect(() => migrateBoardDoc(doc)).toThrow(/schema version 3, this server knows up to 2/);
    initBoardDoc(doc, 'other', 'poster');
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('initBoardDoc stamps a new document with its own kind’s version and never overwrites one', () => {
    const poster = new Y.Doc();
    initBoardDoc(poster, 'p', 'poster');
    expect(poster.getMap('meta').toJSON()).toEqual({ schemaVersion: POSTER_SCHEMA_VERSION, boardId: 'p', kind: 'poster' });
    const wall = saved('wall-v1');
    initBoardDoc(wall, 'wall-v1', 'mur');
    expect(version(wall)).toBe(1);
  });

  it('version numbers follow the append-only lists', () => {
    expect(BOARD_SCHEMA_VERSION).toBe(1 + DOC_MIGRATIONS.wall.length);
    const names = Object.values(DOC_MIGRATIONS).flatMap((list) => list.map((m, i) => [m.name, i + 2] as const));
    for (const [name, to] of names) expect(name.startsWith(`${to}-`)).toBe(true);
  });
});
