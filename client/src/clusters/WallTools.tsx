import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { C, type Atelier, type Candidate, type ClusterView } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { Link } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CandidateCard } from '../candidates/CandidateCard';
import { FacilitatorVotePanel } from '../votes/FacilitatorVotePanel';
import type { WallState } from './actions';
import { ClusterPanel } from './ClusterPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import './clusters.css';

interface Props {
  doc: Y.Doc | null;
  wall: WallState;
  clusters: ClusterView[];
  merged: ReadonlyMap<string, string>;
  editable: boolean;
  atelier: Atelier;
  socket: SemisSocket | null;
  ready: boolean;
  /** Stickies moved far (accepted suggestions): frame the wall again once they are drawn. */
  onRelayout?: () => void;
}

type Tab = 'clusters' | 'suggest' | 'vote' | 'candidate';

/** The wall's side panel: one tab per tool, each its own component. */
export function WallTools({ doc, wall, clusters, merged, editable, atelier, socket, ready, onRelayout }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('clusters');
  const [candidate, setCandidate] = useState<{ c: Candidate; created: boolean } | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  const promote = useCallback(
    async (itemId: string) => {
      if (!socket) return;
      const r = await request(socket, C.promote, { atelierId: atelier.id, itemId });
      setError(r.ok ? null : r.error);
      if (r.ok) {
        setCandidate({ c: r.data.candidate, created: r.data.created });
        setTab('candidate');
      }
    },
    [socket, atelier.id],
  );

  const tabs: { id: Tab; label: string }[] = [
    { id: 'clusters', label: t('votes.clusters.tab') },
    { id: 'suggest', label: t('votes.suggest.tab') },
    { id: 'vote', label: t('votes.config.tab') },
    ...(candidate ? [{ id: 'candidate' as const, label: t('votes.candidates.tab') }] : []),
  ];
  const texts = new Map(wall.cards.map((c) => [c.id, c.text]));

  return (
    <aside className="wall-tools" aria-label={t('votes.clusters.tab')}>
      <div role="tablist" className="wall-tabs">
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`wall-tab-${x.id}`} onClick={() => setTab(x.id)}>
            {x.label}
          </button>
        ))}
      </div>
      <div className="wall-tools-body" role="tabpanel">
        <ErrorMessage error={error} />
        {doc && tab === 'clusters' && <ClusterPanel doc={doc} wall={wall} clusters={clusters} merged={merged} editable={editable} onPromote={promote} />}
        {doc && tab === 'suggest' && (
          <SuggestionsPanel socket={socket} ready={ready} atelierId={atelier.id} doc={doc} wall={wall} clusters={clusters} merged={merged} editable={editable} onRelayout={onRelayout} />
        )}
        {tab === 'vote' && <FacilitatorVotePanel socket={socket} ready={ready} atelier={atelier} doc={doc} onPromote={promote} />}
        {tab === 'candidate' && candidate && (
          <div className="stack">
            <p className="success" role="status">
              {candidate.created ? t('votes.candidates.promoted') : t('votes.candidates.already')}
            </p>
            <CandidateCard
              key={candidate.c.id}
              socket={socket}
              candidate={candidate.c}
              ideaText={(id) => texts.get(id)}
              onSaved={(c) => setCandidate({ c, created: candidate.created })}
            />
            <Link href="/animer/projets" className="button secondary small" data-testid="portfolio-link">
              {t('votes.candidates.portfolio')}
            </Link>
          </div>
        )}
      </div>
    </aside>
  );
}
