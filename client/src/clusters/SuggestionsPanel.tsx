import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { C, readClusters, readPosition, type ClusterView, type GroupingSuggestion } from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { addToCluster, clusterIdeas, markDuplicates, tidyWall, type WallState } from './actions';
import { placeClusters } from './geometry';
import { ClusterSuggestion, DuplicateSuggestion, type Proposal } from './SuggestionCards';

interface Props {
  socket: SemisSocket | null;
  ready: boolean;
  atelierId: string;
  doc: Y.Doc;
  wall: WallState;
  clusters: ClusterView[];
  merged: ReadonlyMap<string, string>;
  editable: boolean;
  /** Called when accepting moved stickies far (new clusters go right of the wall). */
  onRelayout?: () => void;
}

const STEP = 0.25;
const clamp = (g: number) => Math.min(1, Math.max(0, g));

/**
 * "Suggérer des regroupements": the atelier's sub-topics from the server's offline grouping,
 * reviewed one proposal at a time, each with its keywords and, per idea, the words that put it
 * there. The facilitator's clusters are kept: proposals to add ideas to one come first. The wall
 * may have changed since the answer, so proposals are cut down here to the ideas still in no
 * cluster: accepting one never pulls an idea out of a cluster someone made.
 */
export function SuggestionsPanel({ socket, ready, atelierId, doc, wall, clusters, merged, editable, onRelayout }: Props) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState(0.5);
  const [result, setResult] = useState<GroupingSuggestion | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [titles, setTitles] = useState<Readonly<Record<string, string>>>({});
  /** Ideas the facilitator took out of a proposal before accepting it: "proposalId ideaId". */
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);

  const suggest = async (g: number) => {
    if (!socket) return;
    setGranularity(g);
    setBusy(true);
    const r = await request(socket, C.groupingSuggest, { atelierId, granularity: g });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setResult(r.data);
      setDone(new Set());
      setTitles({});
      setRemoved(new Set());
    }
  };

  const visible = new Set(wall.cards.map((c) => c.id));
  const clusterOf = new Map(clusters.flatMap((c) => c.ideaIds.map((id) => [id, c.id] as const)));
  const text = new Map(wall.cards.map((c) => [c.id, c.text]));
  const keptTitle = new Map(clusters.map((c) => [c.id, clusterTitle(c, (id) => text.get(id))]));
  const free = (s: { id: string; ideaIds: string[] }) => s.ideaIds.filter((id) => visible.has(id) && !clusterOf.has(id) && !removed.has(`${s.id} ${id}`));
  const proposals: Proposal[] = (result?.clusters ?? [])
    .filter((s) => !done.has(s.id) && (s.keepId === undefined || keptTitle.has(s.keepId)))
    .map((s) => ({ ...s, ideaIds: free(s), keepTitle: s.keepId === undefined ? undefined : keptTitle.get(s.keepId) }))
    .filter((s) => s.ideaIds.length > 0)
    .sort((a, b) => Number(b.keepId !== undefined) - Number(a.keepId !== undefined));
  // A duplicate set is offered while it still folds something, and never across two clusters
  // (the facilitator's clusters are kept): its free ideas join the cluster of the others.
  const duplicates = (result?.duplicates ?? [])
    .filter((d) => !done.has(`dup:${d.id}`))
    .map((d) => ({ ...d, ideaIds: d.ideaIds.filter((id) => visible.has(id)) }))
    .filter((d) => d.ideaIds.length > 1 && d.ideaIds.slice(1).some((id) => merged.get(id) !== d.ideaIds[0]))
    .filter((d) => new Set(d.ideaIds.flatMap((id) => clusterOf.get(id) ?? [])).size <= 1);

  const finish = (ids: string[]) => setDone((s) => new Set([...s, ...ids]));
  const titleOf = (p: Proposal) => titles[p.id] ?? p.title;
  const duplicatesWithin = (ids: string[]) => duplicates.filter((d) => d.ideaIds.every((id) => ids.includes(id))).map((d) => d.ideaIds);
  /** Accepting all of them also tidies the wall (*Ranger*): new clusters land right of the
   * wall's content, which leaves the wall a wide strip with a hole where the ideas were. */
  const accept = (list: Proposal[], tidy = false) => {
    // One transaction; each step reads the positions and clusters the previous ones wrote (a
    // transaction's writes are readable at once), so no sticky lands on another.
    const now = (): WallState => {
      const positions = new Map([...wall.positions].map(([id, p]) => [id, readPosition(doc, id) ?? p]));
      return { ...wall, positions, placed: placeClusters(readClusters(doc), (id) => positions.get(id)) };
    };
    const fresh = list.filter((p) => p.keepId === undefined);
    doc.transact(() => {
      clusterIdeas(doc, wall, fresh.map((p) => ({ ideaIds: p.ideaIds, title: titleOf(p), duplicates: duplicatesWithin(p.ideaIds) })));
      for (const p of list) if (p.keepId !== undefined) addToCluster(doc, now(), p.keepId, p.ideaIds, duplicatesWithin(p.ideaIds));
      if (tidy) tidyWall(doc, now());
    });
    finish(list.map((p) => p.id));
    if (fresh.length > 0 || tidy) onRelayout?.();
  };
  const acceptDuplicate = (d: (typeof duplicates)[number]) => {
    const into = d.ideaIds.map((id) => clusterOf.get(id)).find((c) => c !== undefined);
    if (into === undefined) markDuplicates(doc, d.ideaIds);
    else addToCluster(doc, wall, into, d.ideaIds.filter((id) => !clusterOf.has(id)), [d.ideaIds]);
    finish([`dup:${d.id}`]);
  };

  return (
    <div className="stack suggestions">
      <p className="hint">{t('votes.suggest.intro')}</p>
      <button type="button" className="primary" data-testid="suggest-groups" disabled={busy || !ready || !editable} onClick={() => suggest(granularity)}>
        {busy ? t('votes.suggest.busy') : result ? t('votes.suggest.again') : t('votes.suggest.button')}
      </button>
      {result && (
        <div className="actions granularity">
          <button type="button" className="secondary small" disabled={busy || granularity <= 0} onClick={() => suggest(clamp(granularity - STEP))}>
            {t('votes.suggest.coarser')}
          </button>
          <span className="hint">{t('votes.suggest.granularity', { value: granularity })}</span>
          <button type="button" className="secondary small" disabled={busy || granularity >= 1} onClick={() => suggest(clamp(granularity + STEP))}>
            {t('votes.suggest.finer')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
      {result && proposals.length === 0 && duplicates.length === 0 && <p className="hint">{t('votes.suggest.none')}</p>}
      {proposals.length > 1 && (
        <button type="button" className="secondary" data-testid="suggest-accept-all" disabled={!editable} onClick={() => accept(proposals, true)}>
          {t('votes.suggest.acceptAll')} ({proposals.length})
        </button>
      )}
      <ul className="suggestion-list">
        {proposals.map((p) => (
          <ClusterSuggestion
            key={p.id}
            proposal={p}
            text={text}
            editable={editable}
            title={titleOf(p)}
            onTitle={(title) => setTitles((all) => ({ ...all, [p.id]: title }))}
            onRemove={(id) => setRemoved((all) => new Set([...all, `${p.id} ${id}`]))}
            onAccept={() => accept([p])}
            onReject={() => finish([p.id])}
          />
        ))}
      </ul>
      {duplicates.length > 0 && (
        <>
          <h3>{t('votes.suggest.duplicates')}</h3>
          <ul className="suggestion-list">
            {duplicates.map((d) => (
              <DuplicateSuggestion
                key={d.id}
                ideaIds={d.ideaIds}
                why={d.why}
                text={text}
                editable={editable}
                onAccept={() => acceptDuplicate(d)}
                onReject={() => finish([`dup:${d.id}`])}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
