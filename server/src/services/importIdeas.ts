import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { IMPORT_IDEAS_MAX, REPORT_WORDS, ideaTextSchema, importIdeasSchema, type Atelier } from '@semis/shared';
import { AppError, fromZod } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { checkFacilitatorOn, type FacilitatorPrincipal } from './access';
import { projectIdea } from './views';

/** Token hashes of the event's "collected beforehand" author start with this: no token opens it. */
export const IMPORTED_TOKEN_PREFIX = 'imported:';

/** One author per event for imported ideas, with a stable id: that is how they are marked. */
export function importedAuthorId(eventId: string): string {
  const h = createHash('sha256').update(`semis:imported:${eventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The ideas in a pasted list (one per line, bullets dropped) or a CSV. */
export function ideasFromText(format: 'lines' | 'csv', text: string): string[] {
  if (format === 'lines') return text.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-*•·–]|\d+[.)])\s+/, ''));
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    throw new AppError('BAD_REQUEST', 'text');
  }
  const head = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const named = head.findIndex((h) => ['idée', 'idee', 'idées', 'idea', 'ideas', 'texte', 'text'].includes(h));
  return (named >= 0 ? rows.slice(1) : rows).map((r) => r[Math.max(named, 0)] ?? '');
}

export interface ImportIdeasDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
}

/** Puts ideas collected before the evening on an atelier's wall, visible, marked as imported. */
export async function importIdeas(deps: ImportIdeasDeps, who: FacilitatorPrincipal, atelierId: string, body: unknown): Promise<{ imported: number; skipped: number }> {
  const atelier: Atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'board.write');
  const parsed = importIdeasSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const texts: string[] = [];
  let skipped = 0;
  const seen = new Set((await deps.storage.listBoardIdeas(atelier.boardId)).filter((i) => i.deletedAt === null).map((i) => i.text));
  for (const raw of ideasFromText(parsed.data.format, parsed.data.text)) {
    const text = ideaTextSchema.safeParse(raw);
    if (!text.success) {
      if (raw.trim()) skipped++;
      continue;
    }
    // Importing the same list twice does not double it.
    if (seen.has(text.data)) {
      skipped++;
      continue;
    }
    seen.add(text.data);
    texts.push(text.data);
  }
  if (texts.length > IMPORT_IDEAS_MAX) throw new AppError('PAYLOAD_TOO_LARGE', 'text');
  const authorId = importedAuthorId(atelier.eventId);
  const author = REPORT_WORDS.fr.importedAuthor;
  if (!(await deps.storage.getParticipant(authorId))) {
    await deps.storage.createParticipant({ id: authorId, eventId: atelier.eventId, pseudonym: author, tokenHash: `${IMPORTED_TOKEN_PREFIX}${authorId}`, atelierId: null, createdAt: deps.now(), blockedAt: null });
  }
  for (const text of texts) {
    const outcome = await deps.storage.insertIdea({ id: randomUUID(), eventId: atelier.eventId, atelierId: atelier.id, boardId: atelier.boardId, authorId, text, now: deps.now(), status: 'visible' });
    if (outcome.kind !== 'created') continue;
    const slot = (await deps.storage.ideaSlots([outcome.idea.id])).get(outcome.idea.id);
    await deps.registry.use(atelier.boardId, (room) => projectIdea(room, outcome.idea, atelier, author, slot));
  }
  return { imported: texts.length, skipped };
}
