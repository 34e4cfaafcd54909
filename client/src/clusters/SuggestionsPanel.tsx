import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { C, type ClusterView, type GroupingSuggestion } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { clusterIdeas, markDuplicates, type NewCluster, type WallState } from './actions';

interface Props {
  socket: SemisSocket | null;
  ready: boolean;
  atelierId: string;
  doc: Y.Doc;
  wall: WallState;
  clusters: ClusterView[];
  merged: ReadonlyMap<string, string>;
  editable: boolean;
}

const STEP = 0.25;
const clamp = (g: number) => Math.min(1, Math.max(0, g));

/**
 * "Suggérer des regroupements": the server's offline grouping, reviewed one proposal at a time.
 * The server groups every visible idea; proposals are cut down here to the ideas still in no
 * cluster, so accepting one never pulls an idea out of a cluster a facilitator made.
 */
export function SuggestionsPanel({ socket, ready, atelierId, doc, wall, clusters, merged, editable }: Props) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState(0.5);
  const [result, setResult] = useState<GroupingSuggestion | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
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
    }
  };

  const visible = new Set(wall.cards.map((c) => c.id));
  const taken = new Set(clusters.flatMap((c) => c.ideaIds));
  const text = new Map(wall.cards.map((c) => [c.id, c.text]));
  const free = (ids: string[]) => ids.filter((id) => visible.has(id) && !taken.has(id));
  const proposals = (result?.clusters ?? []).filter((s) => !done.has(s.id)).map((s) => ({ ...s, ideaIds: free(s.ideaIds) })).filter((s) => s.ideaIds.length > 0);
  const duplicates = (result?.duplicates ?? [])
    .filter((d) => !done.has(`dup:${d.id}`))
    .map((d) => ({ ...d, ideaIds: d.ideaIds.filter((id) => visible.has(id)) }))
    .filter((d) => d.ideaIds.length > 1 && d.ideaIds.slice(1).some((id) => merged.get(id) !== d.ideaIds[0]));

  const finish = (ids: string[]) => setDone((s) => new Set([...s, ...ids]));
  const asNew = (s: (typeof proposals)[number]): NewCluster => ({
    ideaIds: s.ideaIds,
    title: s.title,
    duplicates: duplicates.filter((d) => d.ideaIds.every((id) => s.ideaIds.includes(id))).map((d) => d.ideaIds),
  });
  const accept = (list: typeof proposals) => {
    clusterIdeas(doc, wall, list.map(asNew));
    finish(list.map((s) => s.id));
  };

  return (
    <div className="stack suggestions">
      <p className="hint">{t('votes.suggest.intro')}</p>
      <button type="button" className="primary" data-testid="suggest-groups" disabled={busy || !ready || !editable} onClick={() => suggest(granularity)}>
        {busy ? t('votes.suggest.busy') : t('votes.suggest.button')}
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
      {proposals.length > 0 && (
        <button type="button" className="secondary" data-testid="suggest-accept-all" disabled={!editable} onClick={() => accept(proposals)}>
          {t('votes.suggest.acceptAll')} ({proposals.length})
        </button>
      )}
      <ul className="suggestion-list">
        {proposals.map((s) => (
          <li key={s.id} className="suggestion" data-testid="suggestion" data-idea-count={s.ideaIds.length}>
            <strong>{s.title}</strong>
            <ul>
              {s.ideaIds.map((id) => (
                <li key={id}>{text.get(id)}</li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" className="primary small" data-testid="suggestion-accept" disabled={!editable} onClick={() => accept([s])}>
                {t('votes.suggest.accept')}
              </button>
              <button type="button" className="secondary small" data-testid="suggestion-reject" onClick={() => finish([s.id])}>
                {t('votes.suggest.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {duplicates.length > 0 && (
        <>
          <h3>{t('votes.suggest.duplicates')}</h3>
          <ul className="suggestion-list">
            {duplicates.map((d) => (
              <li key={d.id} className="suggestion duplicate" data-testid="duplicate-suggestion" data-idea-count={d.ideaIds.length}>
                <strong>{t('votes.suggest.duplicateSet')}</strong>
                <ul>
                  {d.ideaIds.map((id) => (
                    <li key={id}>{text.get(id)}</li>
                  ))}
                </ul>
                <div className="actions">
                  <button
                    type="button"
                    className="primary small"
                    data-testid="duplicate-accept"
                    disabled={!editable}
                    onClick={() => {
                      markDuplicates(doc, d.ideaIds);
                      finish([`dup:${d.id}`]);
                    }}
                  >
                    {t('votes.suggest.accept')}
                  </button>
                  <button type="button" className="secondary small" data-testid="duplicate-reject" onClick={() => finish([`dup:${d.id}`])}>
                    {t('votes.suggest.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
