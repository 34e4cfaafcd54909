import type * as Y from 'yjs';
import { z } from 'zod';
import { boardMaps } from './board';
import { colorSchema, shapeIdSchema } from './poster';

/**
 * Boards made of post-its in named columns — the AFOM matrix and the scenario debate share it
 * (afom.ts, debate.ts list their columns):
 *
 *   meta      Y.Map  { schemaVersion, boardId, kind: 'afom' | 'debat' }
 *   notes     Y.Map<noteId, Note>     one plain JSON value per post-it
 *   settings  Y.Map  { statement?: string }   the debate's scenario statement
 */
export const NOTE_MAX = 280;
export const STATEMENT_MAX = 400;

export const noteRefSchema = z.object({ boardId: z.string().uuid(), shapeId: shapeIdSchema });
export type NoteRef = z.infer<typeof noteRefSchema>;

export function noteSchemaFor<const C extends readonly [string, ...string[]]>(columns: C) {
  return z.object({
    id: shapeIdSchema,
    column: z.enum(columns),
    text: z.string().max(NOTE_MAX),
    color: colorSchema,
    /** Position within the column; fractions let a note slip between two others. */
    order: z.number().finite(),
    /** The element of the group's poster this note is about (AFOM). */
    ref: noteRefSchema.nullable().default(null),
    author: z.string().max(64).optional(),
  });
}
export const anyNoteSchema = noteSchemaFor(['_'] as const).extend({ column: z.string().max(40) });
export type Note = z.infer<typeof anyNoteSchema>;

export function notesMaps(doc: Y.Doc) {
  return { meta: boardMaps(doc).meta, notes: doc.getMap<unknown>('notes'), settings: doc.getMap<unknown>('settings') };
}

/** Valid notes of the given columns, by column then order; bad entries skipped and reported. */
export function readNotes(doc: Y.Doc, columns: readonly [string, ...string[]], onInvalid?: (key: string, error: string) => void): Note[] {
  const schema = noteSchemaFor(columns);
  const notes: Note[] = [];
  notesMaps(doc).notes.forEach((value, key) => {
    const parsed = schema.safeParse(value);
    if (parsed.success && parsed.data.id === key) notes.push(parsed.data);
    else onInvalid?.(key, parsed.success ? 'id differs from its key' : parsed.error.issues[0]?.message ?? 'invalid');
  });
  const col = new Map(columns.map((c, i) => [c, i]));
  return notes.sort((a, b) => col.get(a.column)! - col.get(b.column)! || a.order - b.order || (a.id < b.id ? -1 : 1));
}

export function putNote(doc: Y.Doc, columns: readonly [string, ...string[]], note: z.input<typeof anyNoteSchema>, origin?: unknown): Note {
  const valid = noteSchemaFor(columns).parse(note);
  doc.transact(() => notesMaps(doc).notes.set(valid.id, valid), origin);
  return valid;
}

export function removeNote(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => notesMaps(doc).notes.delete(id), origin);
}

export function readStatement(doc: Y.Doc): string {
  const s = notesMaps(doc).settings.get('statement');
  return typeof s === 'string' ? s.slice(0, STATEMENT_MAX) : '';
}

export function setStatement(doc: Y.Doc, text: string, origin?: unknown): void {
  doc.transact(() => notesMaps(doc).settings.set('statement', text.slice(0, STATEMENT_MAX)), origin);
}
