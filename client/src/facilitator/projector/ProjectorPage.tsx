import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminEventResult, Atelier, PresentState, Viewport } from '@semis/shared';
import { Board, type BoardHandle } from '../../wall/Board';
import { WallIdeasList } from '../../wall/WallIdeasList';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { useBoardIdeas } from '../../sync/useBoardIdeas';
import { useClusters } from '../../clusters/useClusters';
import { useFacilitatorSession } from '../../sync/useFacilitatorSession';
import type { FacilitatorSession, FacilitatorState } from '../../sync/facilitatorSession';
import { useVote } from '../../votes/useVote';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { AdminGate } from '../AdminGate';
import { ProjectorControls } from './ProjectorControls';
import { ProjectorSide } from './ProjectorSide';
import { ProjectorVote } from './ProjectorVote';
import { RoomBoard, roomSections } from './RoomBoard';
import { PresentView } from './PresentView';
import { usePresentations, type Presentations } from '../present/usePresentations';
import { readChoice, useRotation, writeChoice, type ProjectorChoice } from './useRotation';
import './projector.css';

/** /projection — what the room sees. Read-only: it reads the board document (visible ideas
 * only) and follows the facilitator's view, but never writes or publishes presence. */
export function ProjectorPage() {
  return <AdminGate bare>{({ data, token }) => <Projector data={data} token={token} />}</AdminGate>;
}

const noMove = () => {};

function Projector({ data, token }: { data: AdminEventResult; token: string }) {
  const { t } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  const ateliers = [...(state.status === 'ready' ? state.ateliers : data.ateliers)].sort((a, b) => a.position - b.position);
  const [choice, setChoice] = useState<ProjectorChoice>(() => readChoice(location.search));
  const currentId = useRotation(ateliers.map((a) => a.id), choice);
  const ready = state.status === 'ready';
  // *Présenter* takes the screen over, on the presented atelier, until it is stopped.
  const pres = usePresentations(session, ready, ateliers.map((a) => a.id));
  const presenting = pres.latest;
  usePresenterKeys(presenting, pres.send);
  const atelier = ateliers.find((a) => a.id === (presenting?.atelierId ?? currentId)) ?? null;
  const plenary = useVote(session?.socket ?? null, { plenary: true }, state.status === 'ready');
  const plenaryOpen = plenary.state?.session?.status === 'open';
  const connected = state.dashboard?.ateliers.reduce((n, a) => n + a.connected, 0) ?? 0;
  // The final vote takes the screen when it opens, and keeps it (with its results) once closed
  // until the facilitator picks something else.
  const [pinned, setPinned] = useState(false);
  useEffect(() => {
    if (plenaryOpen) setPinned(true);
  }, [plenaryOpen]);
  const showPlenary = !presenting && (choice.plenary || plenaryOpen || pinned);
  const change = (c: ProjectorChoice) => {
    if (presenting) void pres.send({ action: 'stop', atelierId: presenting.atelierId });
    setPinned(false);
    setChoice(c);
    writeChoice(c);
  };

  return (
    <div className="projector-view" data-testid="projector" data-atelier-id={showPlenary ? '' : (atelier?.id ?? '')} data-view={choice.view}>
      {showPlenary ? (
        <>
          <header className="projector-head">
            <h1>{t('votes.plenary.title')}</h1>
          </header>
          <ProjectorSide data={data} state={state} timer={state.event?.timer ?? data.event.timer} />
          <main className="projector-board room-surface">
            <ProjectorVote vote={plenary} connected={connected} />
          </main>
        </>
      ) : (
        atelier && <ProjectedAtelier key={atelier.id} atelier={atelier} data={data} session={session} state={state} choice={choice} token={token} presenting={presenting?.atelierId === atelier.id ? presenting : null} />
      )}
      {/* While *présenter* holds the screen, the picker names the presented atelier, not the one underneath. */}
      <ProjectorControls ateliers={ateliers} choice={presenting ? { ...choice, plenary: false, rotate: false, atelierId: presenting.atelierId } : { ...choice, plenary: showPlenary }} currentId={currentId} onChange={change} />
    </div>
  );
}

interface ProjectedProps {
  atelier: Atelier;
  data: AdminEventResult;
  token: string;
  session: FacilitatorSession | null;
  state: FacilitatorState;
  choice: ProjectorChoice;
  presenting: PresentState | null;
}

function ProjectedAtelier({ atelier, data, token, session, state, choice, presenting }: ProjectedProps) {
  const { t } = useTranslation();
  const board = useBoardDoc(atelier.boardId, token, { readOnly: true });
  const { cards, positions } = useBoardIdeas(board.doc);
  const { clusters, merged } = useClusters(board.doc);
  const followed = useFollowed(session, atelier.id);
  const vote = useVote(session?.socket ?? null, { atelierId: atelier.id }, state.status === 'ready');
  const stats = state.dashboard?.ateliers.find((a) => a.id === atelier.id);
  const sections = useMemo(() => roomSections(cards, clusters, merged, t('room.unclustered')), [cards, clusters, merged, t]);
  // "Follow me" overrides the room layout: the facilitator is showing a place on the wall.
  const canvas = choice.view === 'canvas' || followed !== null;
  // The vote while it runs, and its results during the restitution that follows.
  const voteSession = vote.state?.session;
  const voting = !!voteSession && (atelier.phase === 'vote' || (atelier.phase === 'restitution' && voteSession.status === 'closed'));

  return (
    <>
      <header className="projector-head">
        <PhaseBadge phase={atelier.phase} testId="projector-phase" />
        <h1>{atelier.title}</h1>
        {atelier.question && <p className="projector-question">{atelier.question}</p>}
      </header>
      <ProjectorSide data={data} state={state} timer={atelier.timer} counts={{ connected: stats?.connected ?? 0, ideas: cards.length }} />
      <main className={canvas && !voting && !presenting ? 'projector-board' : 'projector-board room-surface'}>
        {presenting ? (
          <PresentView state={presenting} sections={sections} session={session} ready={state.status === 'ready'} token={token} />
        ) : voting ? (
          <ProjectorVote vote={vote} connected={stats?.connected ?? 0} />
        ) : canvas ? (
          <CanvasView atelier={atelier} cards={cards} positions={positions} followed={followed} />
        ) : (
          <RoomBoard sections={sections} label={t('room.label', { title: atelier.title })} synced={board.synced} />
        )}
      </main>
      <WallIdeasList cards={cards} label={t('wall.listLabel')} />
    </>
  );
}

function CanvasView({ atelier, cards, positions, followed }: { atelier: Atelier; cards: ReturnType<typeof useBoardIdeas>['cards']; positions: ReturnType<typeof useBoardIdeas>['positions']; followed: Viewport | null }) {
  const { t } = useTranslation();
  const handle = useRef<BoardHandle>(null);
  useEffect(() => {
    if (followed) handle.current?.setViewport(followed);
  }, [followed]);
  return <Board cards={cards} positions={positions} editable={false} onMove={noMove} label={t('wall.canvasLabel', { title: atelier.title })} handleRef={handle} />;
}

/** The viewport a facilitator asks the room to follow on this atelier, or null. */
function useFollowed(session: FacilitatorSession | null, atelierId: string): Viewport | null {
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useEffect(() => session?.onFollow((id, v) => id === atelierId && setViewport(v)), [session, atelierId]);
  return viewport;
}

/** A clicker or the arrow keys on the projector's own keyboard step through a presentation. */
function usePresenterKeys(presenting: PresentState | null, send: Presentations['send']): void {
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
      const { atelierId } = presenting;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') void send({ action: 'step', atelierId, delta: 1 });
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') void send({ action: 'step', atelierId, delta: -1 });
      else if (e.key === 'Escape') void send({ action: 'stop', atelierId });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, send]);
}
