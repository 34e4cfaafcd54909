import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Atelier, IdeaView, PublicParticipant } from '@semis/shared';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useBoardIdeas } from '../sync/useBoardIdeas';
import type { OutboxItem } from '../sync/outbox';
import type { Outcome } from '../sync/useParticipantSession';
import type { SemisSocket } from '../sync/socket';
import { AtelierVotePanel } from '../votes/AtelierVotePanel';
import { ErrorMessage } from '../ui/ErrorMessage';
import { IdeaForm } from './IdeaForm';
import { IdeaItem } from './IdeaItem';
import { mergeIdeas } from './mergeIdeas';

interface Props {
  atelier: Atelier;
  token: string | null;
  me: PublicParticipant | null;
  pending: readonly OutboxItem[];
  views: ReadonlyMap<string, IdeaView>;
  onPost: (text: string) => Outcome;
  onEdit: (id: string, text: string) => Promise<Outcome>;
  onDelete: (id: string) => Promise<Outcome>;
  socket: SemisSocket | null;
  joined: boolean;
}

export function AtelierScreen({ atelier, token, me, pending, views, onPost, onEdit, onDelete, socket, joined }: Props) {
  const { t } = useTranslation();
  const board = useBoardDoc(atelier.boardId, token, { readOnly: true });
  const { cards } = useBoardIdeas(board.doc);
  const seen = useRef(new Set<string>());
  for (const c of cards) seen.current.add(c.id);

  const ideas = useMemo(
    () => mergeIdeas({ atelierId: atelier.id, cards, views, pending, seenInDoc: seen.current, me }),
    [atelier.id, cards, views, pending, me],
  );

  return (
    <section className="stack">
      <header>
        <h1>{atelier.title}</h1>
        {atelier.question && <p className="question">{atelier.question}</p>}
      </header>
      <IdeaForm onPost={onPost} />
      <AtelierVotePanel atelier={atelier} doc={board.doc} cards={cards} socket={socket} joined={joined} />
      {board.error && <ErrorMessage error={board.error} />}
      <h2>
        {t('participant.ideasTitle')} <span className="hint">· {t('participant.newestFirst')}</span>
      </h2>
      {ideas.length === 0 ? (
        <p className="hint">{t('participant.noIdeas')}</p>
      ) : (
        <ul className="ideas" aria-live="polite">
          {ideas.map((idea) => (
            <IdeaItem key={idea.id} idea={idea} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </section>
  );
}
