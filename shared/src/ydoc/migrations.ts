import type * as Y from 'yjs';
import { SERVER_ORIGIN, boardMaps } from './board';

/**
 * Board documents change shape over time; each kind of document has an **append-only** list of
 * named migrations. A document's `meta.schemaVersion` says how many of its kind's migrations it
 * has had (plus one): version 1 is the first layout, and the current version is
 * `1 + migrations.length`. The server runs the missing ones, in order, when it loads a
 * document (`migrateBoardDoc`); a document newer than this code is refused and left untouched.
 *
 * Rules: never edit or remove a migration once released, only append; a migration must be
 * idempotent (several processes may load the same old document at once) and must not throw
 * on data it does not understand (skip it, readers validate anyway).
 */
export interface DocMigration {
  /** What changed, for the log and the reader: `<version it leads to>-<what>`. */
  readonly name: string;
  readonly up: (doc: Y.Doc) => void;
}

export type DocFamily = 'wall' | 'poster' | 'notes';

/** Before they had their own version number, poster and notes documents were stamped with
 * the wall's (1 or 2); their layout did not change meanwhile. */
const ownVersionNumber: DocMigration = { name: '2-own-version-number', up: () => {} };

export const DOC_MIGRATIONS: Record<DocFamily, readonly DocMigration[]> = {
  wall: [
    {
      // Cards gained `moderated` (and anonymity leaves `author`/`authorId` empty).
      name: '2-cards-moderated-flag',
      up: (doc) => {
        const { ideas } = boardMaps(doc);
        for (const [id, card] of ideas.entries()) {
          if (typeof card === 'object' && card !== null && !Array.isArray(card) && !('moderated' in card)) ideas.set(id, { ...card, moderated: false });
        }
      },
    },
  ],
  poster: [ownVersionNumber],
  notes: [ownVersionNumber],
};

/** Which migration list a board kind follows. */
export function docFamily(kind: string): DocFamily | null {
  if (kind === 'mur') return 'wall';
  if (kind === 'poster') return 'poster';
  if (kind === 'afom' || kind === 'debat') return 'notes';
  return null;
}

export const schemaVersion = (family: DocFamily): number => 1 + DOC_MIGRATIONS[family].length;

export const BOARD_SCHEMA_VERSION = schemaVersion('wall');
export const POSTER_SCHEMA_VERSION = schemaVersion('poster');
export const NOTES_SCHEMA_VERSION = schemaVersion('notes');

/** A document written by a newer Semis: this code does not know its layout, so it won't touch it. */
export class DocumentTooNewError extends Error {
  constructor(
    readonly kind: string,
    readonly version: number,
    readonly known: number,
  ) {
    super(`board document (${kind}) is at schema version ${version}, this server knows up to ${known}: update Semis to open it`);
    this.name = 'DocumentTooNewError';
  }
}

/**
 * A new document gets its board id, kind and its kind's current schema version (nothing to
 * migrate); an existing one keeps its version — `migrateBoardDoc` (migrations.ts) moves it on.
 */
export function initBoardDoc(doc: Y.Doc, boardId: string, kind: string): void {
  const { meta } = boardMaps(doc);
  const family = docFamily(kind);
  const missing = {
    schemaVersion: !meta.has('schemaVersion') && family !== null,
    boardId: !meta.has('boardId'),
    kind: !meta.has('kind'),
  };
  if (!missing.schemaVersion && !missing.boardId && !missing.kind) return;
  doc.transact(() => {
    if (missing.schemaVersion && family) meta.set('schemaVersion', schemaVersion(family));
    if (missing.boardId) meta.set('boardId', boardId);
    if (missing.kind) meta.set('kind', kind);
  }, SERVER_ORIGIN);
}

/** The version a document says it is at: a missing or malformed stamp counts as 1. */
function storedVersion(meta: Y.Map<unknown>): number {
  const v = meta.get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/**
 * Brings a loaded document (its `meta.kind` set, see initBoardDoc) to its kind's current
 * version, in one transaction. Returns the migrations applied; throws DocumentTooNewError
 * (before writing anything) for a document newer than this code, and an Error for an unknown kind.
 */
export function migrateBoardDoc(doc: Y.Doc): string[] {
  const { meta } = boardMaps(doc);
  const kind = String(meta.get('kind'));
  const family = docFamily(kind);
  if (!family) throw new Error(`board document of unknown kind "${kind}"`);
  const from = storedVersion(meta);
  const current = schemaVersion(family);
  if (from > current) throw new DocumentTooNewError(kind, from, current);
  if (from === current && meta.get('schemaVersion') === current) return [];
  const pending = DOC_MIGRATIONS[family].slice(from - 1);
  doc.transact(() => {
    for (const m of pending) m.up(doc);
    meta.set('schemaVersion', current);
  }, SERVER_ORIGIN);
  return pending.map((m) => m.name);
}
