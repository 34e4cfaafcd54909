import './posters.css';
import { useTranslation } from 'react-i18next';
import type { BoardInfo } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { StatusBadge } from '../ui/StatusBadge';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useBoardDoc } from '../sync/useBoardDoc';
import { PosterEditor } from '../posterEditor/PosterEditor';
import { usePosterDoc } from '../posterEditor/usePosterDoc';
import { NotesBoard } from './NotesBoard';
import { BoardFiles } from './BoardFiles';
import { useBoardInfo } from './useBoardInfo';

interface Props {
  boardId: string;
  token: string | null;
  /** Pseudonym (participants) or "Animation" (facilitators), for presence. */
  me: string;
  /** Where "back" goes, and how to link to a sibling board. */
  back: string;
  boardHref: (boardId: string) => string;
}

/** Any poster-workshop board, for whoever opens it: members write, everyone else of the event reads. */
export function BoardPage({ boardId, token, me, back, boardHref }: Props) {
  const { t } = useTranslation();
  const { info, error } = useBoardInfo(boardId, token);
  if (!token) {
    return (
      <Page>
        <ErrorMessage text={t('console.noToken')} />
      </Page>
    );
  }
  if (!info) {
    return (
      <Page>
        {error ? <ErrorMessage error={error} /> : <p aria-busy="true">{t('app.loading')}</p>}
        <Link href={back}>{t('app.back')}</Link>
      </Page>
    );
  }
  return <OpenBoard info={info} token={token} me={me} back={back} boardHref={boardHref} />;
}

function OpenBoard({ info, token, me, back, boardHref }: { info: BoardInfo; token: string; me: string; back: string; boardHref: (id: string) => string }) {
  const { t } = useTranslation();
  const board = useBoardDoc(info.id, token, { readOnly: !info.canWrite });
  const posterId = info.kind === 'afom' ? info.group?.boards.find((b) => b.kind === 'poster')?.id ?? null : null;
  const posterConn = useBoardDoc(posterId, token, { readOnly: true });
  const posterShapes = usePosterDoc(posterConn.doc).shapes;
  const group = info.group;
  const title = group ? `${group.group.name} — ${t(`posters.kinds.${info.kind === 'mur' ? 'poster' : info.kind}`)}` : t('posters.kinds.poster');
  const roles = group && [group.group.animateurId, group.group.rapporteurId].map((id) => group.members.find((m) => m.id === id)?.pseudonym ?? '—');

  return (
    <div className="board-page" data-testid="board-page" data-kind={info.kind} data-can-write={info.canWrite}>
      <header className="wall-header">
        <div className="wall-title">
          <h1>{title}</h1>
          {roles && (
            <p className="hint">
              {t('posters.animateur')} : {roles[0]} · {t('posters.rapporteur')} : {roles[1]} · {group!.members.map((m) => m.pseudonym).join(', ')}
            </p>
          )}
        </div>
        <div className="wall-meta">
          {!info.canWrite && <span className="badge" data-testid="read-only">{t('posters.readOnly')}</span>}
          {group && (
            <nav className="board-tabs" aria-label={t('posters.groupBoards')}>
              {group.boards.map((b) => (
                <Link key={b.id} href={boardHref(b.id)} className={b.id === info.id ? 'button primary small' : 'button secondary small'} aria-current={b.id === info.id ? 'page' : undefined} data-testid={`tab-${b.kind}`}>
                  {t(`posters.kinds.${b.kind}`)}
                </Link>
              ))}
            </nav>
          )}
          <BoardFiles boardId={info.id} token={token} canUpload={info.canWrite && info.kind === 'poster'} />
          <StatusBadge status={board.status} />
          <Link href={back} className="button secondary small">{t('app.back')}</Link>
          <LanguageSwitch />
        </div>
      </header>
      {board.error && <ErrorMessage text={t('errors.BOARD_CLOSED', { reason: t(`errors.${board.error.code}`) })} />}
      {board.doc && info.kind === 'poster' && <PosterEditor key={info.id} doc={board.doc} awareness={board.awareness} canWrite={info.canWrite} me={me} token={token} title={title} />}
      {board.doc && (info.kind === 'afom' || info.kind === 'debat') && (
        <NotesBoard key={info.id} doc={board.doc} kind={info.kind} canWrite={info.canWrite} me={me} poster={posterId ? { boardId: posterId, shapes: posterShapes } : null} />
      )}
    </div>
  );
}
