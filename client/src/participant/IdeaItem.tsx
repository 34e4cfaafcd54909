import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_MAX } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import type { Outcome } from '../sync/useParticipantSession';
import type { ShownIdea } from './mergeIdeas';
import { ideaLength } from './IdeaForm';

interface Props {
  idea: ShownIdea;
  /** The phase and the timer allow changing one's own ideas. */
  canChange: boolean;
  onEdit: (id: string, text: string) => Promise<Outcome>;
  onDelete: (id: string) => Promise<Outcome>;
}

export function IdeaItem({ idea, canChange, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(idea.text);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await onEdit(idea.id, draft);
    setBusy(false);
    if (r.ok) {
      setEditing(false);
      setError(null);
    } else setError(r.error);
  };

  const del = async () => {
    if (!window.confirm(t('participant.confirmDelete'))) return;
    setBusy(true);
    const r = await onDelete(idea.id);
    setBusy(false);
    setError(r.ok ? null : r.error);
  };

  return (
    <li
      className={`idea${idea.mine ? ' mine' : ''}${idea.pending ? ' pending' : ''} status-${idea.status}`}
      data-testid="idea-item"
      data-idea-id={idea.id}
      data-pending={idea.pending ? 'true' : 'false'}
      data-mine={idea.mine ? 'true' : 'false'}
      data-status={idea.status}
    >
      {editing ? (
        <form className="stack" onSubmit={save} noValidate>
          <label htmlFor={`edit-${idea.id}`} className="visually-hidden">
            {t('participant.editLabel')}
          </label>
          <textarea id={`edit-${idea.id}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
          <span className={ideaLength(draft) > IDEA_MAX ? 'counter over' : 'counter'}>
            {t('participant.counter', { n: ideaLength(draft), max: IDEA_MAX })}
          </span>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('participant.save')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              {t('participant.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="idea-text">{idea.text}</p>
          <p className="idea-meta">
            {idea.mine ? <span className="badge">{t('participant.mine')}</span> : <span>{idea.author}</span>}
            {idea.pending && <span className="badge pending-badge">{t('participant.pending')}</span>}
            {idea.status !== 'visible' && <span className={`badge status-badge-${idea.status}`}>{t(`participant.status.${idea.status}`)}</span>}
            {idea.moderated && <span className="badge moderated-badge">{t('participant.moderated')}</span>}
          </p>
          {idea.mine && canChange && idea.status !== 'hidden' && (
            <div className="actions">
              <button
                type="button"
                className="secondary"
                data-testid="idea-edit"
                disabled={busy}
                onClick={() => {
                  setDraft(idea.text);
                  setEditing(true);
                }}
              >
                {t('participant.edit')}
              </button>
              <button type="button" className="secondary danger" data-testid="idea-delete" disabled={busy} onClick={del}>
                {t('participant.delete')}
              </button>
            </div>
          )}
        </>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}
