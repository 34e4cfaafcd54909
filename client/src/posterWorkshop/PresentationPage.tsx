import './posters.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, S, type BoardFeed, type CommentView, type GroupView, REACTION_KINDS } from '@semis/shared';
import { Link, navigate } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { request } from '../sync/socket';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useAdminEvent } from '../facilitator/useAdminEvent';
import { PosterEditor } from '../posterEditor/PosterEditor';
import { NotesBoard } from './NotesBoard';
import { usePosterSocket } from './usePosterSocket';
import { REACTION_ICONS } from './Feedback';
import { PresentationTimer, startRestitutionTimer } from './PresentationTimer';
import { useFacilitatorSession } from '../sync/useFacilitatorSession';

/**
 * The restitution on the projector: one group's poster after another (the current one is in the
 * URL, so a reload or a second screen lands on the same poster), with the audience's reactions
 * and comments arriving live beside it. The group presents its AFOM matrix (and debate) with its
 * poster: the projector switches to them in place, read-only, and each group starts on its poster.
 */
export function PresentationPage({ atelierId, index }: { atelierId: string; index: number }) {
  const { t } = useTranslation();
  const { token, state } = useAdminEvent();
  const { socket, groups } = usePosterSocket(token);
  const atelier = state.kind === 'ready' ? state.data.ateliers.find((a) => a.id === atelierId) : undefined;
  const list = groups.filter((g) => g.group.atelierId === atelierId && g.boards.some((b) => b.kind === 'poster'));
  const current = list[Math.min(index, Math.max(0, list.length - 1))];
  const posterId = current?.boards.find((b) => b.kind === 'poster')?.id ?? null;
  const board = useBoardDoc(posterId, token, { readOnly: true });
  const [shown, setShown] = useState<{ groupId: string | undefined; kind: GroupView['boards'][number]['kind'] }>({ groupId: undefined, kind: 'poster' });
  const shownKind = shown.groupId === current?.group.id ? shown.kind : 'poster';
  const notesId = shownKind === 'poster' ? null : (current?.boards.find((b) => b.kind === shownKind)?.id ?? null);
  const notes = useBoardDoc(notesId, token, { readOnly: true });
  const [feed, setFeed] = useState<BoardFeed | null>(null);
  const { session, state: live } = useFacilitatorSession(token);
  // Moving to another group's poster gives it its ten minutes; a reload does not restart them.
  const go = (i: number) => {
    if (i !== index) startRestitutionTimer(session, atelierId);
    navigate(`/animer/presentation/${atelierId}/${i}`, { replace: true });
  };

  useEffect(() => {
    if (!socket || !posterId) return;
    let live = true;
    const watch = async () => {
      const r = await request(socket, C.watchBoard, { boardId: posterId });
      if (live && r.ok) setFeed(r.data);
    };
    const onComment = (c: CommentView) => c.boardId === posterId && setFeed((f) => (f ? { ...f, comments: [...f.comments, c] } : f));
    const onReactions = (r: { boardId: string; reactions: BoardFeed['reactions'] }) => r.boardId === posterId && setFeed((f) => (f ? { ...f, reactions: r.reactions } : f));
    setFeed(null);
    void watch();
    socket.on('connect', watch);
    socket.on(S.boardComment, onComment);
    socket.on(S.boardReactions, onReactions);
    return () => {
      live = false;
      socket.off('connect', watch);
      socket.off(S.boardComment, onComment);
      socket.off(S.boardReactions, onReactions);
    };
  }, [socket, posterId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(Math.min(list.length - 1, index + 1));
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(Math.max(0, index - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!token || state.kind === 'error' || state.kind === 'noToken') {
    return (
      <Page>
        <ErrorMessage text={t('console.badToken')} />
      </Page>
    );
  }
  const rapporteur = current?.members.find((m) => m.id === current.group.rapporteurId)?.pseudonym;
  return (
    <div className="presentation" data-testid="presentation" data-board-id={posterId ?? ''} data-shown={shownKind}>
      <header className="wall-header">
        <div className="wall-title">
          <p className="eyebrow">{atelier?.title}</p>
          <h1 data-testid="presented-group">{current ? current.group.name : t('posters.noGroups')}</h1>
          {rapporteur && <p className="hint">{t('posters.presentedBy', { name: rapporteur })}</p>}
        </div>
        <div className="wall-meta">
          <button type="button" className="secondary small" disabled={index <= 0} onClick={() => go(index - 1)} data-testid="present-prev">← {t('posters.previous')}</button>
          <span data-testid="present-position">{list.length ? `${Math.min(index, list.length - 1) + 1} / ${list.length}` : '0 / 0'}</span>
          <button type="button" className="secondary small" disabled={index >= list.length - 1} onClick={() => go(index + 1)} data-testid="present-next">{t('posters.next')} →</button>
          <Link href="/animer" className="button secondary small">{t('wall.backToConsole')}</Link>
          <PresentationTimer session={session} state={live} atelierId={atelierId} />
          {current && current.boards.length > 1 && (
            <nav className="board-tabs" aria-label={t('posters.groupBoards')}>
              {current.boards.map((b) => (
                <button
                  key={b.id}
                  type="button"
                  className={b.kind === shownKind ? 'primary small' : 'secondary small'}
                  aria-pressed={b.kind === shownKind}
                  data-testid={`present-board-${b.kind}`}
                  onClick={() => setShown({ groupId: current.group.id, kind: b.kind })}
                >
                  {t(`posters.kinds.${b.kind}`)}
                </button>
              ))}
            </nav>
          )}
        </div>
      </header>
      <div className="presentation-body">
        {notesId && notes.doc && (shownKind === 'afom' || shownKind === 'debat') ? (
          <NotesBoard key={notesId} doc={notes.doc} kind={shownKind} canWrite={false} me="" poster={null} />
        ) : (
          board.doc && current && <PosterEditor key={posterId} doc={board.doc} awareness={null} canWrite={false} me="" token={token} title={current.group.name} compact />
        )}
        <aside className="presentation-feed" aria-live="polite">
          <div className="reaction-counts">
            {REACTION_KINDS.map((k) => (
              <span key={k} className="reaction-count" data-testid={`count-${k}`}>
                {/* The word too: read from the hall, and an icon the projector's fonts lack still says which. */}
                <span aria-hidden="true">{REACTION_ICONS[k]}</span> <span className="reaction-name">{t(`posters.reactions.${k}`)}</span> {feed?.reactions[k] ?? 0}
              </span>
            ))}
          </div>
          <h2>{t('posters.comments')}</h2>
          <ul className="comments" data-testid="comments">
            {[...(feed?.comments ?? [])].reverse().map((c) => (
              <li key={c.id} data-testid="comment">
                <p>{c.text}</p>
                <p className="hint">{c.author}</p>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
