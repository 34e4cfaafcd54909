import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { C, IDEA_MAX, type ModIdeaView } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

type Action = 'approve' | 'reject' | 'hide' | 'show';
/** What makes sense for each status; edit, delete and block apply to all. */
const ACTIONS: Record<ModIdeaView['status'], Action[]> = {
  pending: ['approve', 'reject'],
  private: ['show', 'hide'],
  visible: ['hide'],
  hidden: ['show'],
};

interface Props {
  session: FacilitatorSession | null;
  idea: ModIdeaView;
  testId?: string;
  /** The wall's side panel: no edit/delete/block there, the moderation page has them. */
  compact?: boolean;
  /** In the queue across ateliers: where the idea was posted. */
  atelierTitle?: string;
}

export function ModIdeaItem({ session, idea, testId = 'mod-idea', compact = false, atelierTitle }: Props) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(idea.text);
  const [blocked, setBlocked] = useState<number | null>(null);

  const act = (action: Action | 'delete') => void run(C.moderateIdea, { id: idea.id, action });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run(C.moderateIdea, { id: idea.id, action: 'edit', text: draft });
    if (r.ok) setEditing(false);
  };
  const del = () => window.confirm(t('moderation.confirmDelete')) && act('delete');
  const block = async () => {
    if (!window.confirm(t('moderation.confirmBlock', { name: idea.author }))) return;
    const r = await run(C.block, { participantId: idea.authorId });
    if (r.ok) setBlocked((r.data as { rejected: number }).rejected);
  };

  return (
    <li className={`mod-idea status-${idea.status}${idea.deleted ? ' deleted' : ''}`} data-testid={testId} data-idea-id={idea.id}
      data-status={idea.status} data-deleted={idea.deleted ? 'true' : 'false'}>
      {editing ? (
        <form className="stack" onSubmit={save} noValidate>
          <textarea rows={3} data-testid="mod-edit-input" value={draft} maxLength={IDEA_MAX + 20} onChange={(e) => setDraft(e.target.value)} autoFocus
            aria-label={t('moderation.edit')} />
          <div className="actions">
            <button type="submit" className="primary small" data-testid="mod-edit-save" disabled={busy}>{t('participant.save')}</button>
            <button type="button" className="secondary small" onClick={() => setEditing(false)}>{t('participant.cancel')}</button>
          </div>
        </form>
      ) : (
        <p className="idea-text">{idea.text}</p>
      )}
      <p className="idea-meta">
        <span>{idea.author}</span>
        {atelierTitle && <span className="badge atelier-badge">{atelierTitle}</span>}
        <span className={`badge mod-status-${idea.status}`}>{idea.deleted ? t('moderation.deleted') : t(`moderation.status.${idea.status}`)}</span>
        {idea.moderated && <span className="badge moderated-badge">{t('participant.moderated')}</span>}
      </p>
      {!idea.deleted && !editing && (
        <div className="actions">
          {ACTIONS[idea.status].map((a) => (
            <button key={a} type="button" className={a === 'approve' ? 'primary small' : 'secondary small'} data-testid={`mod-${a}`} disabled={busy} onClick={() => act(a)}>
              {t(`moderation.${a}`)}
            </button>
          ))}
          {!compact && (
            <>
              <button type="button" className="secondary small" data-testid="mod-edit" disabled={busy} onClick={() => { setDraft(idea.text); setEditing(true); }}>
                {t('moderation.edit')}
              </button>
              <button type="button" className="secondary small danger" data-testid="mod-delete" disabled={busy} onClick={del}>{t('moderation.delete')}</button>
              <button type="button" className="secondary small danger" data-testid="mod-block" disabled={busy || blocked !== null} onClick={() => void block()}>
                {t('moderation.block')}
              </button>
            </>
          )}
        </div>
      )}
      {blocked !== null && (
        <p role="status" className="success">
          {t('moderation.blocked', { name: idea.author })} {blocked > 0 && t('queue.rejectedOnBlock', { count: blocked })}
        </p>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}
