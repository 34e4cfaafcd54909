import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminEventResult, Atelier } from '@semis/shared';
import { Board, type BoardHandle } from '../../wall/Board';
import { WallIdeasList } from '../../wall/WallIdeasList';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { useBoardIdeas } from '../../sync/useBoardIdeas';
import { useFacilitatorSession } from '../../sync/useFacilitatorSession';
import type { FacilitatorSession, FacilitatorState } from '../../sync/facilitatorSession';
import { Countdown } from '../../ui/Countdown';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { QrCode } from '../QrCode';
import { AdminGate } from '../AdminGate';
import { useFollow } from '../../wall/useFollow';
import { ProjectorControls } from './ProjectorControls';
import { readChoice, useRotation, writeChoice, type ProjectorChoice } from './useRotation';

/** /projection — what the room sees. Read-only: it reads the board document (visible ideas
 * only) and follows the facilitator's view, but never writes or publishes presence. */
export function ProjectorPage() {
  return <AdminGate bare>{({ data, token }) => <Projector data={data} token={token} />}</AdminGate>;
}

const noMove = () => {};

function Projector({ data, token }: { data: AdminEventResult; token: string }) {
  const { session, state } = useFacilitatorSession(token);
  const ateliers = [...(state.status === 'ready' ? state.ateliers : data.ateliers)].sort((a, b) => a.position - b.position);
  const [choice, setChoice] = useState<ProjectorChoice>(() => readChoice(location.search));
  const currentId = useRotation(ateliers.map((a) => a.id), choice);
  const atelier = ateliers.find((a) => a.id === currentId) ?? null;
  const change = (c: ProjectorChoice) => {
    setChoice(c);
    writeChoice(c);
  };
  return (
    <div className="projector-view" data-testid="projector" data-atelier-id={atelier?.id ?? ''}>
      {atelier && <ProjectedAtelier key={atelier.id} atelier={atelier} data={data} token={token} session={session} state={state} />}
      <ProjectorControls ateliers={ateliers} choice={choice} onChange={change} />
    </div>
  );
}

interface ProjectedProps {
  atelier: Atelier;
  data: AdminEventResult;
  token: string;
  session: FacilitatorSession | null;
  state: FacilitatorState;
}

function ProjectedAtelier({ atelier, data, token, session, state }: ProjectedProps) {
  const { t } = useTranslation();
  const board = useBoardDoc(atelier.boardId, token, { readOnly: true });
  const { cards, positions } = useBoardIdeas(board.doc);
  const handle = useRef<BoardHandle>(null);
  useFollow(session, atelier.id, handle, { canLead: false });
  const stats = state.dashboard?.ateliers.find((a) => a.id === atelier.id);
  // The code is shown in large type below, so the line reads `adresse/j` + code.
  const joinUrl = `${data.links.base.replace(/^https?:\/\//, '')}/j`;

  return (
    <>
      <header className="projector-head">
        <PhaseBadge phase={atelier.phase} testId="projector-phase" />
        <h1>{atelier.title}</h1>
        {atelier.question && <p className="projector-question">{atelier.question}</p>}
      </header>
      <aside className="projector-side">
        <div className="projector-join">
          <p className="eyebrow" data-testid="projector-join-url">{t('projector.join', { url: joinUrl })}</p>
          <p className="projector-code" data-testid="projector-code">{data.event.joinCode}</p>
          <QrCode text={data.links.participant} alt={t('console.qrAlt')} />
        </div>
        <Countdown timer={atelier.timer} testId="projector-timer" size="big" label={t('timer.atelier')} />
        <Countdown timer={state.event?.timer ?? data.event.timer} testId="projector-event-timer" size="normal" label={t('timer.event')} />
        <p className="projector-counts" data-testid="projector-counts" data-connected={stats?.connected ?? 0} data-ideas={cards.length}>
          {t('projector.participants', { count: stats?.connected ?? 0 })} · {t('wall.ideas', { count: cards.length })}
        </p>
      </aside>
      <main className="projector-board">
        <Board cards={cards} positions={positions} editable={false} onMove={noMove} label={t('wall.canvasLabel', { title: atelier.title })} handleRef={handle} />
      </main>
      <WallIdeasList cards={cards} label={t('wall.listLabel')} />
    </>
  );
}
