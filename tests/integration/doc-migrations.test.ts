import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_SCHEMA_VERSION, POSTER_SCHEMA_VERSION, readIdeaCards } from '@semis/shared';
import { openStorage, type Storage } from '../../server/src/storage/index';
import { BoardRegistry } from '../../server/src/yjs/registry';
import { FoldPool } from '../../server/src/yjs/fold-pool';

/** Documents saved by earlier releases, loaded by the real registry from the real database. */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ydoc');
let dir: string;
let storage: Storage;
const logs: string[] = [];

function registry(kind: string) {
  // Fixtures are a few KB: folded in place, no thread to stop.
  return new BoardRegistry({ storage, idleMs: 60_000, debounceMs: 5, log: (m) => logs.push(m), boardKind: async () => kind, reconcile: async () => {}, folder: new FoldPool() });
}

async function store(boardId: string, fixture: string, bump?: number): Promise<Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fs.readFileSync(path.join(FIXTURES, `${fixture}.bin`)));
  if (bump) doc.getMap('meta').set('schemaVersion', bump);
  const update = Y.encodeStateAsUpdate(doc);
  await storage.appendBoardUpdate(boardId, update);
  return update;
}

async function storedDoc(boardId: string): Promise<Y.Doc> {
  const state = await storage.loadBoard(boardId);
  const doc = new Y.Doc();
  for (const u of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, u);
  return doc;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-migrations-'));
  storage = await openStorage({ dataDir: dir });
});
afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loading saved board documents', () => {
  it('migrates a version-1 wall on load and stores the migrated document', async () => {
    await store('wall-v1', 'wall-v1');
    const boards = registry('mur');
    const cards = await boards.use('wall-v1', (room) => readIdeaCards(room.doc));
    expect(cards.map((c) => c.moderated)).toEqual([false, false]);
    await boards.closeAll();
    const reread = await storedDoc('wall-v1');
    expect(reread.getMap('meta').get('schemaVersion')).toBe(BOARD_SCHEMA_VERSION);
    expect(readIdeaCards(reread).map((c) => c.text)).toEqual(['Un marché de producteurs', 'Des navettes le samedi']);
    expect(logs.some((l) => l.includes('wall-v1: migrated (2-cards-moderated-flag)'))).toBe(true);
  });

  it('refuses a poster saved by a newer Semis, with a clear error, and stores nothing', async () => {
    const original = await store('poster-next', 'poster-v1', POSTER_SCHEMA_VERSION + 1);
    const boards = registry('poster');
    await expect(boards.acquire('poster-next')).rejects.toThrow(/schema version 3, this server knows up to 2: update Semis/);
    await boards.closeAll();
    const state = await storage.loadBoard('poster-next');
    expect(state.snapshot).toBeNull();
    expect(state.updates).toEqual([original]);
  });
});
