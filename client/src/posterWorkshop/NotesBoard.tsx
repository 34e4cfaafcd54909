import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { AFOM_COLORS, AFOM_COLUMNS, AFOM_LABELS, DEBATE_COLORS, DEBATE_COLUMNS, DEBATE_LABELS, notesMaps, putNote, readNotes, readStatement, removeNote, setStatement, STATEMENT_MAX, NOTE_MAX, type Note, type Shape } from '@semis/shared/posters';
import { useUndo } from '../posterEditor/useUndo';
import { labelOf, newId } from '../posterEditor/model';

interface Props {
  doc: Y.Doc;
  kind: 'afom' | 'debat';
  canWrite: boolean;
  me: string;
  /** The group's poster, for AFOM notes that point to one of its elements. */
  poster: { boardId: string; shapes: readonly Shape[] } | null;
}

/**
 * The AFOM matrix (four quadrants) and the scenario debate (statement, then columns) share one
 * board: post-its in named columns. Plain HTML rather than a canvas: it is all text, and it must
 * read well on a tablet and to a screen reader.
 */
export function NotesBoard({ doc, kind, canWrite, me, poster }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const columns = kind === 'afom' ? AFOM_COLUMNS : DEBATE_COLUMNS;
  const labels: Record<string, string> = kind === 'afom' ? AFOM_LABELS[lang] : DEBATE_LABELS[lang];
  const colors: Record<string, string> = kind === 'afom' ? AFOM_COLORS : DEBATE_COLORS;
  const [notes, setNotes] = useState<Note[]>([]);
  const [statement, setStatementState] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  const undo = useUndo(canWrite ? doc : null, ['notes', 'settings']);

  useEffect(() => {
    const { notes: map, settings } = notesMaps(doc);
    const read = () => setNotes(readNotes(doc, columns, (key, error) => console.warn(`[semis] note ${key} ignorée : ${error}`)));
    const readS = () => setStatementState(readStatement(doc));
    read();
    readS();
    map.observe(read);
    settings.observe(readS);
    return () => {
      map.unobserve(read);
      settings.unobserve(readS);
    };
  }, [doc, columns]);

  const write = (note: Note) => putNote(doc, columns, note, undo.origin);
  const add = (column: string) => {
    const inColumn = notes.filter((n) => n.column === column);
    const id = newId();
    write({ id, column, text: '', color: colors[column]!, order: (inColumn.at(-1)?.order ?? 0) + 1, ref: null, author: me });
    setFocus(id);
  };

  return (
    <div className={`notes-board ${kind}`} data-testid="notes-board" data-kind={kind}>
      {kind === 'debat' && (
        <label className="statement">
          <span>{t('posters.statement')}</span>
          <textarea
            key={statement}
            defaultValue={statement}
            readOnly={!canWrite}
            maxLength={STATEMENT_MAX}
            rows={2}
            data-testid="debate-statement"
            placeholder={t('posters.statementPlaceholder')}
            onBlur={(e) => e.target.value !== statement && setStatement(doc, e.target.value, undo.origin)}
          />
        </label>
      )}
      {canWrite && (
        <div className="undo-row">
          <button type="button" className="secondary small" disabled={!undo.canUndo} onClick={undo.undo}>{t('poster.undo')}</button>
          <button type="button" className="secondary small" disabled={!undo.canRedo} onClick={undo.redo}>{t('poster.redo')}</button>
        </div>
      )}
      <div className="note-columns">
        {columns.map((column) => (
          <section key={column} className={`note-column col-${column}`} aria-labelledby={`col-${column}`} data-testid={`column-${column}`}>
            <h2 id={`col-${column}`}>{labels[column]}</h2>
            <ul>
              {notes.filter((n) => n.column === column).map((n) => (
                <NoteCard
                  key={n.id}
                  note={n}
                  canWrite={canWrite}
                  autoFocus={focus === n.id}
                  columns={columns.map((c) => ({ id: c, label: labels[c]! }))}
                  poster={kind === 'afom' ? poster : null}
                  onChange={(next) => write(next)}
                  onRemove={() => removeNote(doc, n.id, undo.origin)}
                />
              ))}
            </ul>
            {canWrite && (
              <button type="button" className="secondary small add-note" data-testid={`add-note-${column}`} onClick={() => add(column)}>
                + {t('posters.addNote')}
              </button>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function NoteCard(props: {
  note: Note;
  canWrite: boolean;
  autoFocus: boolean;
  columns: { id: string; label: string }[];
  poster: Props['poster'];
  onChange: (n: Note) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { note, canWrite, poster } = props;
  const [text, setText] = useState(note.text);
  useEffect(() => setText(note.text), [note.text]);
  const labelled = poster?.shapes.filter((s) => labelOf(s).trim()) ?? [];
  const refShape = note.ref ? poster?.shapes.find((s) => s.id === note.ref!.shapeId) : undefined;
  return (
    <li className="note" style={{ background: note.color }} data-testid="note">
      <textarea
        aria-label={t('posters.noteText')}
        data-testid="note-text"
        value={text}
        readOnly={!canWrite}
        maxLength={NOTE_MAX}
        rows={3}
        autoFocus={props.autoFocus}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== note.text && props.onChange({ ...note, text })}
      />
      {refShape && <p className="note-ref">→ {labelOf(refShape)}</p>}
      {canWrite && (
        <div className="note-tools">
          <select aria-label={t('posters.moveTo')} value={note.column} onChange={(e) => props.onChange({ ...note, column: e.target.value, order: Date.now() })}>
            {props.columns.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
          {poster && labelled.length > 0 && (
            <select
              aria-label={t('posters.pointsTo')}
              value={note.ref?.shapeId ?? ''}
              onChange={(e) => props.onChange({ ...note, ref: e.target.value ? { boardId: poster.boardId, shapeId: e.target.value } : null })}
            >
              <option value="">{t('posters.noRef')}</option>
              {labelled.map((s) => (
                <option key={s.id} value={s.id}>{labelOf(s).slice(0, 40)}</option>
              ))}
            </select>
          )}
          <button type="button" className="link danger" aria-label={t('poster.delete')} onClick={props.onRemove}>✕</button>
        </div>
      )}
    </li>
  );
}
