import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type AdminEventResult } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { Countdown } from '../ui/Countdown';
import { PhaseBadge } from '../ui/PhaseBadge';
import { Board, type BoardHandle } from '../wall/Board';
import { WallIdeasList } from '../wall/WallIdeasList';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useBoardIdeas } from '../sync/useBoardIdeas';
import { useFacilitatorSession } from '../sync/useFacilitatorSession';
import { useClusterWall } from '../clusters/useClusterWall';
import { WallTools } from '../clusters/WallTools';
import { AdminGate } from './AdminGate';
import { PrivatePanel } from '../wall/PrivatePanel';
import { useFollow } from '../wall/useFollow';
import { BoardFiles } from '../posterWorkshop/BoardFiles';

/** The mur d'idées of one atelier, on the facilitator's screen. */
export function WallPage({ atelierId }: { atelierId: string }) {
  return <AdminGate bare>{({ data, token }) => <Wall data={data} token={token} atelierId={atelierId} />}</AdminGate>;
}

function Wall({ data, token, atelierId }: { data: AdminEventResult; token: string; atelierId: string }) {
  const { t } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  // Live phase and timer once connected; the HTTP answer until then.
  const atelier = state.ateliers.find((a) => a.id === atelierId) ?? data.ateliers.find((a) => a.id === atelierId) ?? null;
  const board = useBoardDoc(atelier?.boardId ?? null, token, { readOnly: false });
  const { cards, positions } = useBoardIdeas(board.doc);
  const { doc } = board;
  const editable = atelier !== null && can('facilitator', 'board.write', { phase: atelier.phase });
  const clustering = useClusterWall(doc, cards, positions, editable);
  const handle = useRef<BoardHandle>(null);
  const follow = useFollow(session, atelierId, handle, { canLead: true });
  const [panel, setPanel] = useState(true);

  if (!atelier) {
    return (
      <Page>
        <ErrorMessage text={t('wall.unknownAtelier')} />
        <Link href="/animer">{t('wall.backToConsole')}</Link>
      </Page>
    );
  }

  return (
    <div className="wall" ref={clustering.wallRef} data-testid="wall" data-idea-count={cards.length} data-phase={atelier.phase}>
      <header className="wall-header">
        <div className="wall-title">
          <PhaseBadge phase={atelier.phase} testId="wall-phase" />
          <h1>{atelier.title}</h1>
          {atelier.question && <p className="wall-question">{atelier.question}</p>}
        </div>
        <div className="wall-meta">
          <Countdown timer={atelier.timer} testId="wall-countdown" />
          <span className="wall-code">{t('wall.code', { code: data.event.joinCode })}</span>
          <span className="wall-count">{t('wall.ideas', { count: cards.length })}</span>
          <StatusBadge status={board.status} />
          <label className="check follow-toggle">
            <input type="checkbox" data-testid="follow-toggle" checked={follow.leading} onChange={(e) => follow.setLeading(e.target.checked)} />
            {t('wall.follow')}
          </label>
          <button type="button" className="secondary small" aria-expanded={panel} onClick={() => setPanel(!panel)}>
            {t('wall.privatePanel')}
          </button>
          <Link href={`/animer/moderation/${atelier.id}`} className="button secondary small">{t('dashboard.moderation')}</Link>
          <BoardFiles boardId={atelier.boardId} token={token} canUpload={false} />
          <Link href="/animer" className="button secondary small">{t('wall.backToConsole')}</Link>
          <LanguageSwitch />
        </div>
      </header>
      {board.error && <ErrorMessage text={t('errors.BOARD_CLOSED', { reason: t(`errors.${board.error.code}`) })} />}
      {follow.leading && <p className="follow-note" role="status">{t('wall.following')}</p>}
      <div className="wall-body">
        <Board cards={cards} positions={positions} editable={editable} onMove={clustering.onMove} label={t('wall.canvasLabel', { title: atelier.title })}
          handleRef={handle} onViewportEnd={follow.onViewportEnd}>
          {clustering.frames}
        </Board>
        <WallTools doc={doc} wall={clustering.wall} clusters={clustering.clusters} merged={clustering.merged} editable={editable} atelier={atelier}
          socket={session?.socket ?? null} ready={state.status === 'ready'} />
        {panel && <PrivatePanel session={session} state={state} atelierId={atelier.id} />}
      </div>
      <p className="wall-hint hint">{t('wall.hint')}</p>
      <WallIdeasList cards={cards} label={t('wall.listLabel')} />
      {clustering.overlay}
    </div>
  );
}
