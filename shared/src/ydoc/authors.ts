import type * as Y from 'yjs';

/** Root maps whose entries carry the pseudonym of whoever wrote them (`author`), written by
 * clients: poster shapes (poster.ts) and AFOM / debate post-its (notes.ts). Idea cards' authors
 * are the server's projection of the database (board.ts) and are rewritten from there. */
export const AUTHORED_MAPS = ['shapes', 'notes'] as const;

/** Takes `author` off every entry that has one, in one transaction (RGPD purge). Returns how
 * many entries changed; a second call changes nothing. */
export function dropAuthors(doc: Y.Doc, origin?: unknown): number {
  let changed = 0;
  doc.transact(() => {
    for (const name of AUTHORED_MAPS) {
      const map = doc.getMap<unknown>(name);
      const authored = [...map.entries()].filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v) && 'author' in v);
      for (const [key, value] of authored) {
        const { author: _, ...rest } = value as Record<string, unknown>;
        map.set(key, rest);
        changed += 1;
      }
    }
  }, origin);
  return changed;
}
