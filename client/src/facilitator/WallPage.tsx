import { useEffect, useMemo, useRef, useState } from 'react';
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
import { tidyWall } from '../clusters/actions';
import { matchingIdeas } from '../wall/search';
import { WallTools } from '../clusters/WallTools';
import { AdminGate } from './AdminGate';
import { PrivatePanel } from '../wall/PrivatePanel';
import { useFollow } from '../wall/useFollow';
import '../wall/wall.css';
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
  // The private panel opens by itself where it matters (écriture privée, mode modéré).
  const [panel, setPanel] = useState<boolean | null>(null);
  // The clustering tools open by themselves once there is clustering to do; during idéation the
  // board gets the whole width, so 60 stickies stay readable.
  const [tools, setTools] = useState<boolean | null>(null);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => matchingIdeas(cards, query), [cards, query]);
  // After *Ranger*, frame the new layout once the stickies are drawn there.
  const refit = useRef(false);
  useEffect(() => {
    if (!refit.current) return;
    refit.current = false;
    handle.current?.fit();
  }, [positions]);

  if (!atelier) {
    return (
      <Page>
        <ErrorMessage text={t('wall.unknownAtelier')} />
        <Link href="/animer">{t('wall.backToConsole')}</Link>
      </Page>
    );
  }

  const showPanel = panel ?? (atelier.privateWriting || atelier.moderated);
  const showTools = tools ?? !['preparation', 'ideation'].includes(atelier.phase);
  const tidy = () => {
    if (!doc) return;
    refit.current = true;
    tidyWall(doc, clustering.wall);
  };

  return (
    <div className="wall" ref={clustering.wallRef} data-testid="wall" data-idea-count={cards.length} data-phase={atelier.phase}>
      <header className="wall-header">
        <div className="wall-title">
          <PhaseBadge phase={atelier.phase} testId="wall-phase" />
          <h1 title={atelier.title}>{atelier.title}</h1>
          {atelier.question && <p className="wall-question" title={atelier.question}>{atelier.question}</p>}
        </div>
        <div className="wall-meta">
          <Countdown timer={atelier.timer} testId="wall-countdown" size="small" />
          <span className="wall-code">{t('wallTidy.code', { code: data.event.joinCode })}</span>
          <span className="wall-count">{t('wall.ideas', { count: cards.length })}</span>
          <StatusBadge status={board.status} />
          <div className="wall-search" role="search">
            <label htmlFor="wall-search" className="visually-hidden">{t('wallTidy.search')}</label>
            <input id="wall-search" type="search" data-testid="wall-search" value={query} placeholder={t('wallTidy.searchPlaceholder')}
              aria-describedby="wall-search-count" onChange={(e) => setQuery(e.target.value)} />
            <span id="wall-search-count" className={matches && matches.size === 0 ? 'search-count none' : 'search-count'} role="status" data-testid="wall-search-count"
              data-count={matches?.size ?? ''} title={matches ? (matches.size === 0 ? t('wallTidy.noMatch') : t('wallTidy.matches', { count: matches.size })) : undefined}>
              {matches && (
                <>
                  <span aria-hidden="true">{matches.size}</span>
                  <span className="visually-hidden">{matches.size === 0 ? t('wallTidy.noMatch') : t('wallTidy.matches', { count: matches.size })}</span>
                </>
              )}
            </span>
          </div>
          {editable && (
            <button type="button" className="secondary small" data-testid="wall-tidy" title={t('wallTidy.tidyHint')} onClick={tidy}>
              {t('wallTidy.tidy')}
            </button>
          )}
          <label className="check follow-toggle">
            <input type="checkbox" data-testid="follow-toggle" checked={follow.leading} onChange={(e) => follow.setLeading(e.target.checked)} />
            {t('wall.follow')}
          </label>
          <button type="button" className="secondary small" data-testid="tools-toggle" aria-expanded={showTools} title={t('wallTidy.toolsHint')} onClick={() => setTools(!showTools)}>
            {t('wallTidy.tools')}
          </button>
          <button type="button" className="secondary small" data-testid="private-toggle" aria-expanded={showPanel} title={t('wall.privatePanel')} onClick={() => setPanel(!showPanel)}>
            {t('wallTidy.privateShort')}
          </button>
          <Link href="/animer" className="button secondary small">{t('wall.backToConsole')}</Link>
          {/* Less frequent tools fold away, so the header stays on one line at 1366 px. */}
          <details className="wall-more" data-testid="wall-more">
            <summary className="button secondary small">{t('wallTidy.more')}</summary>
            <div className="wall-more-menu">
              <Link href={`/animer/moderation/${atelier.id}`} className="button secondary small">{t('dashboard.moderation')}</Link>
              <BoardFiles boardId={atelier.boardId} token={token} canUpload={false} />
              <LanguageSwitch />
            </div>
          </details>
        </div>
      </header>
      {board.error && <ErrorMessage text={t('errors.BOARD_CLOSED', { reason: t(`errors.${board.error.code}`) })} />}
      {follow.leading && <p className="follow-note" role="status">{t('wall.following')}</p>}
      <div className="wall-body">
        <Board cards={cards} positions={positions} editable={editable} onMove={clustering.onMove} label={t('wall.canvasLabel', { title: atelier.title })}
          handleRef={handle} onViewportEnd={follow.onViewportEnd} highlight={matches}>
          {clustering.frames}
        </Board>
        {showTools && (
          <WallTools doc={doc} wall={clustering.wall} clusters={clustering.clusters} merged={clustering.merged} editable={editable} atelier={atelier}
            socket={session?.socket ?? null} ready={state.status === 'ready'} onRelayout={() => { refit.current = true; }} />
        )}
        {showPanel && <PrivatePanel session={session} state={state} atelierId={atelier.id} />}
      </div>
      <p className="wall-hint hint">{t('wall.hint')}</p>
      <WallIdeasList cards={cards} label={t('wall.listLabel')} />
      {clustering.overlay}
    </div>
  );
}
