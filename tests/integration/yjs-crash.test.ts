import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { C, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, waitFor, type BoardClient } from '../support/harness';
import { seeded } from '../support/random';
import { useProcesses, type ServerProcess } from '../support/process';

/**
 * Board edits are acknowledged like ideas: nobody but their author is shown an edit before it
 * is stored. So after a kill -9 at any moment of a burst, every edit a reader had received is
 * in the restarted server, no reader is ahead of it, and once the editor reconnects (its
 * provider re-sends what the server lacks) everyone converges.
 */
const processes = useProcesses();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-crash-'));
processes.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const sv = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
const encoded = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/** Every clock `reader` has is in `server` too. */
function within(reader: Y.Doc, server: Y.Doc): string[] {
  const theirs = sv(server);
  return [...sv(reader)].filter(([client, clock]) => clock > (theirs.get(client) ?? 0)).map(([client, clock]) => `${client}: ${clock} > ${theirs.get(client) ?? 0}`);
}

it('keeps every edit readers were shown through kill -9 within 0–150 ms of a burst', async () => {
  const rand = seeded(1409);
  // The old default batch window: a wide window between an edit and its write, to be hit.
  let proc: ServerProcess = await processes.spawn({ DATA_DIR: dataDir, PERSIST_DEBOUNCE_MS: '150' });
  const url = proc.url;
  const port = new URL(url).port;
  const ev = await createEvent(url, 1);
  const boardId = ev.ateliers[0]!.boardId;
  const s = await connect(url);
  const phone = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'Léa' }));
  s.disconnect();

  const editor = openBoard(url, boardId, ev.adminToken);
  const readers: BoardClient[] = [openBoard(url, boardId, phone.token), openBoard(url, boardId, phone.token)];
  await Promise.all([editor.synced, ...readers.map((r) => r.synced)]);

  for (let trial = 0; trial < 3; trial++) {
    // A burst of strokes, then the kill somewhere in the next 150 ms.
    for (let i = 0; i < 150; i++) {
      editor.doc.getMap('layout').set(`t${trial}-${i % 40}`, { x: i, y: trial, pad: 'p'.repeat(500) });
      if (i % 30 === 29) await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 150)));
    await proc.kill('SIGKILL');
    editor.provider.disconnect(); // it must not re-send before we look at what survived
    const seen = readers.map((r) => Y.encodeStateAsUpdate(r.doc));

    proc = await processes.spawn({ DATA_DIR: dataDir, PORT: port, PERSIST_DEBOUNCE_MS: '150' });
    const check = openBoard(url, boardId, ev.adminToken);
    await check.synced;
    for (const [k, update] of seen.entries()) {
      const shown = new Y.Doc();
      Y.applyUpdate(shown, update);
      expect(within(shown, check.doc), `trial ${trial}, reader ${k}: edits shown but lost`).toEqual([]);
    }
    check.destroy();

    // The editor comes back and re-sends its unstored edits; everyone converges.
    editor.provider.connect();
    await waitFor(() => editor.provider.synced, 15_000, 'editor back');
    const fresh = openBoard(url, boardId, ev.adminToken);
    await fresh.synced;
    await waitFor(() => encoded(fresh.doc) === encoded(editor.doc), 15_000, `trial ${trial}: server has all the editor's edits`);
    for (const [k, r] of readers.entries()) await waitFor(() => encoded(r.doc) === encoded(editor.doc), 15_000, `trial ${trial}: reader ${k} converged`);
    fresh.destroy();
  }
  for (const c of [editor, ...readers]) c.destroy();
}, 120_000);
