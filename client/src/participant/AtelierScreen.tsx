import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Atelier, type IdeaStatus, type IdeaView, type PublicParticipant, type TimerState } from '@semis/shared';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useBoardIdeas } from '../sync/useBoardIdeas';
import { useTimerLocked } from '../sync/useCountdown';
import type { OutboxItem } from '../sync/outbox';
import type { Outcome } from '../sync/useParticipantSession';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Countdown } from '../ui/Countdown';
import { PhaseBadge } from '../ui/PhaseBadge';
import { IdeaForm } from './IdeaForm';
import { IdeaItem } from './IdeaItem';
import { PhaseNotice } from './PhaseNotice';
import type { SemisSocket } from '../sync/socket';
import { AtelierVotePanel } from '../votes/AtelierVotePanel';
import { mergeIdeas, type ShownIdea } from './mergeIdeas';
import type { SendState } from './IdeaForm';

interface Props {
  atelier: Atelier;
  eventTimer: TimerState | null;
  socket: SemisSocket | null;
  joined: boolean;
  token: string | null;
  me: PublicParticipant | null;
  pending: readonly OutboxItem[];
  views: ReadonlyMap<string, IdeaView>;
  onPost: (text: string) => Outcome;
  onEdit: (id: string, text: string) => Promise<Outcome>;
  onDelete: (id: string) => Promise<Outcome>;
  lastSent: { id: string } | null;
}

const draftStatus = (a: Atelier): IdeaStatus => (a.moderated ? 'pending' : a.privateWriting ? 'private' : 'visible');

/** One atelier on a phone. It follows the facilitators' phases by itself: the form and the
 * edit buttons come and go with the same permission table the server enforces. */
export function AtelierScreen({ atelier, eventTimer, token, me, pending, views, onPost, onEdit, onDelete, socket, joined, lastSent }: Props) {
  const { t } = useTranslation();
  const board = useBoardDoc(atelier.boardId, token, { readOnly: true });
  const { cards } = useBoardIdeas(board.doc);
  const seen = useRef(new Set<string>());
  for (const c of cards) seen.current.add(c.id);
  const locked = useTimerLocked(atelier.timer);
  const ctx = { phase: atelier.phase, locked };
  const canPost = can('participant', 'idea.post', ctx);
  const canChange = can('participant', 'idea.editOwn', ctx);

  const ideas = useMemo(
    () => mergeIdeas({ atelierId: atelier.id, cards, views, pending, seenInDoc: seen.current, me, draftStatus: draftStatus(atelier) }),
    [atelier, cards, views, pending, me],
  );
  // One's own ideas first, waiting ones on top: after sending, the idea is in sight.
  const mine = ideas.filter((i) => i.mine).sort((a, b) => Number(b.pending) - Number(a.pending));
  const others = ideas.filter((i) => !i.mine);

  return (
    <section className="stack" data-testid="phase-screen" data-phase={atelier.phase}>
      <header className="atelier-head">
        <PhaseBadge phase={atelier.phase} testId="phase-badge" />
        <h1>{atelier.title}</h1>
        {atelier.question && <p className="question">{atelier.question}</p>}
      </header>
      <div className="phone-timers">
        <Countdown timer={atelier.timer} size="big" />
        <Countdown timer={eventTimer} testId="event-countdown" size="small" label={t('timer.event')} />
      </div>
      <PhaseNotice atelier={atelier} locked={locked} />
      {canPost && <IdeaForm onPost={onPost} sent={sendState(pending, atelier.id, lastSent)} />}
      <AtelierVotePanel atelier={atelier} doc={board.doc} cards={cards} socket={socket} joined={joined} />
      {board.error && <ErrorMessage error={board.error} />}
      {mine.length > 0 && (
        <>
          <h2>{t('participant.myIdeasTitle')}</h2>
          <IdeaList ideas={mine} canChange={canChange} onEdit={onEdit} onDelete={onDelete} testId="my-ideas" />
        </>
      )}
      <h2>
        {t('participant.ideasTitle')} <span className="hint">· {t('participant.newestFirst')}</span>
      </h2>
      {others.length === 0 ? (
        <p className="hint">{canPost ? t('participant.noIdeas') : t('participant.noIdeasYet')}</p>
      ) : (
        <IdeaList ideas={others} canChange={canChange} onEdit={onEdit} onDelete={onDelete} testId="atelier-ideas" />
      )}
    </section>
  );
}

/** What the form says under its button: waiting in the outbox, or acknowledged by the server. */
function sendState(pending: readonly OutboxItem[], atelierId: string, lastSent: { id: string } | null): SendState {
  if (pending.some((p) => p.atelierId === atelierId)) return 'pending';
  return lastSent ? 'sent' : 'idle';
}

function IdeaList({ ideas, testId, ...actions }: { ideas: ShownIdea[]; testId: string; canChange: boolean; onEdit: Props['onEdit']; onDelete: Props['onDelete'] }) {
  return (
    <ul className="ideas" aria-live="polite" data-testid={testId}>
      {ideas.map((idea) => (
        <IdeaItem key={idea.id} idea={idea} {...actions} />
      ))}
    </ul>
  );
}
