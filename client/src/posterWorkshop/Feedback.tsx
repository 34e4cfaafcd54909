import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, C, REACTION_KINDS, type BoardFeed, type ReactionKind } from '@semis/shared';
import { http } from '../sync/http';
import { request, type SemisSocket } from '../sync/socket';
import { uuidv4 } from '../sync/uuid';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';

export const REACTION_ICONS: Record<ReactionKind, string> = { bravo: '👏', accord: '👍', question: '❓', vigilance: '⚠️' };

/** A phone's reactions and comment on a group's poster during the restitution. */
export function Feedback({ boardId, token, socket }: { boardId: string; token: string; socket: SemisSocket | null }) {
  const { t } = useTranslation();
  const [feed, setFeed] = useState<BoardFeed | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    void http<BoardFeed>(API.boardFeed(boardId), { token }).then((r) => r.ok && setFeed(r.data));
  }, [boardId, token]);

  const react = async (kind: ReactionKind) => {
    if (!socket || !feed) return;
    const on = !feed.mine.includes(kind);
    const r = await request(socket, C.react, { boardId, kind, on });
    if (r.ok) setFeed({ ...feed, reactions: r.data.reactions, mine: r.data.mine });
    setError(r.ok ? null : r.error);
  };
  const send = async () => {
    if (!socket) return;
    const r = await request(socket, C.comment, { id: uuidv4(), boardId, text });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setText('');
      setSent(true);
    }
  };

  return (
    <div className="feedback">
      <div className="reactions" role="group" aria-label={t('posters.react')}>
        {REACTION_KINDS.map((k) => (
          <button key={k} type="button" className="reaction" aria-pressed={feed?.mine.includes(k) ?? false} data-testid={`react-${k}`} onClick={() => void react(k)}>
            <span aria-hidden="true">{REACTION_ICONS[k]}</span> {t(`posters.reactions.${k}`)} <strong>{feed?.reactions[k] ?? 0}</strong>
          </button>
        ))}
      </div>
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={`comment-${boardId}`}>{t('posters.comment')}</label>
        <textarea id={`comment-${boardId}`} rows={2} maxLength={280} value={text} data-testid="comment-input" onChange={(e) => { setText(e.target.value); setSent(false); }} />
        <button type="submit" className="primary" disabled={!text.trim()} data-testid="comment-submit">{t('posters.send')}</button>
        {sent && <span className="success" role="status">{t('posters.commentSent')}</span>}
      </form>
      <ErrorMessage error={error} />
    </div>
  );
}
