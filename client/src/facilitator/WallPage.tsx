import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { Board } from '../board/Board';
import { WallIdeasList } from '../board/WallIdeasList';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useBoardIdeas } from '../sync/useBoardIdeas';
import { useAdminEvent } from './useAdminEvent';
import { useFacilitatorSocket } from '../sync/useFacilitatorSocket';
import { useClusterWall } from '../clusters/useClusterWall';
import { WallTools } from '../clusters/WallTools';

/** The projected mur d'idées of one atelier. */
export function WallPage({ atelierId }: { atelierId: string }) {
  const { t } = useTranslation();
  const { token, state } = useAdminEvent();
  const atelier = state.kind === 'ready' ? state.data.ateliers.find((a) => a.id === atelierId) ?? null : null;
  const board = useBoardDoc(atelier?.boardId ?? null, token, { readOnly: false });
  const { cards, positions } = useBoardIdeas(board.doc);
  const { doc } = board;
  const fac = useFacilitatorSocket(token);
  const live = fac.ateliers.find((a) => a.id === atelierId) ?? atelier;
  const editable = live?.phase !== 'cloture';
  const clustering = useClusterWall(doc, cards, positions, editable);

  if (state.kind !== 'ready' || !atelier) {
    return (
      <Page>
        {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {state.kind === 'noToken' && <ErrorMessage text={t('console.noToken')} />}
        {state.kind === 'error' && (state.unauthorized ? <ErrorMessage text={t('console.badToken')} /> : <ErrorMessage error={state.error} />)}
        {state.kind === 'ready' && <ErrorMessage text={t('wall.unknownAtelier')} />}
        <Link href="/animer">{t('wall.backToConsole')}</Link>
      </Page>
    );
  }

  return (
    <div className="wall" ref={clustering.wallRef} data-testid="wall" data-idea-count={cards.length}>
      <header className="wall-header">
        <div className="wall-title">
          <h1>{atelier.title}</h1>
          {atelier.question && <p className="wall-question">{atelier.question}</p>}
        </div>
        <div className="wall-meta">
          <span className="wall-code">{t('wall.code', { code: state.data.event.joinCode })}</span>
          <span className="wall-count">{t('wall.ideas', { count: cards.length })}</span>
          <StatusBadge status={board.status} />
          <Link href="/animer" className="button secondary small">
            {t('wall.backToConsole')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      {board.error && <ErrorMessage text={t('errors.BOARD_CLOSED', { reason: t(`errors.${board.error.code}`) })} />}
      <div className="wall-body">
        <Board
          cards={cards}
          positions={positions}
          editable={editable}
          onMove={clustering.onMove}
          label={t('wall.canvasLabel', { title: atelier.title })}
        >
          {clustering.frames}
        </Board>
        <WallTools doc={doc} wall={clustering.wall} clusters={clustering.clusters} merged={clustering.merged} editable={editable} atelier={live ?? atelier} socket={fac.socket} ready={fac.ready} />
      </div>
      <p className="wall-hint hint">{t('wall.hint')}</p>
      <WallIdeasList cards={cards} label={t('wall.listLabel')} />
      {clustering.overlay}
    </div>
  );
}
