import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, S, type Atelier, type ModIdeaView } from '@semis/shared';
import { Link } from '../../router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useFacilitatorSession } from '../../sync/useFacilitatorSession';
import { useSocketEvent } from '../../sync/useSocketEvent';
import { AdminGate } from '../AdminGate';
import { useCommand } from '../useCommand';
import { ModIdeaItem } from './ModIdeaItem';
import { BlockedPeople } from './BlockedPeople';
import './moderation.css';

/** /animer/moderation[?atelier=ID] — one queue for every atelier, filterable, with *tout valider*. */
export function ModerationQueuePage() {
  return <AdminGate wide>{({ token, data }) => <QueueBody token={token} initial={data.ateliers} />}</AdminGate>;
}

const readFilter = () => new URLSearchParams(location.search).get('atelier') ?? '';

function QueueBody({ token, initial }: { token: string; initial: Atelier[] }) {
  const { t } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  const { run, busy, error } = useCommand(session);
  const [queue, setQueue] = useState<Map<string, ModIdeaView> | null>(null);
  const [filter, setFilter] = useState(readFilter);
  const [done, setDone] = useState<string | null>(null);
  const ready = state.status === 'ready';
  const socket = session?.socket ?? null;

  const load = useCallback(async () => {
    const r = await run(C.modQueue, {});
    if (r.ok) setQueue(new Map((r.data as { ideas: ModIdeaView[] }).ideas.map((i) => [i.id, i])));
  }, [run]);
  useEffect(() => {
    if (ready) void load();
  }, [ready, load]);
  // Live: an idea enters the queue when it starts waiting, leaves it once decided (or its author is blocked).
  useSocketEvent(socket, S.modIdea, (idea) =>
    setQueue((q) => {
      if (!q) return q;
      const next = new Map(q);
      if (idea.status === 'pending' && !idea.deleted) next.set(idea.id, idea);
      else next.delete(idea.id);
      return next;
    }),
  );

  // The HTTP answer names the ateliers at once; the live connection takes over when it's there.
  const known = state.status === 'ready' ? state.ateliers : initial;
  const titles = useMemo(() => new Map(known.map((a) => [a.id, a.title])), [known]);
  const ateliers = [...known].sort((a, b) => a.position - b.position);
  const shown = [...(queue?.values() ?? [])].filter((i) => !filter || i.atelierId === filter).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const choose = (id: string) => {
    setFilter(id);
    setDone(null);
    history.replaceState(null, '', id ? `/animer/moderation?atelier=${encodeURIComponent(id)}` : '/animer/moderation');
  };
  const approveAll = async () => {
    if (!window.confirm(t('queue.confirmApproveAll', { count: shown.length }))) return;
    const r = await run(C.approveAll, { ids: shown.slice(0, 500).map((i) => i.id) });
    if (r.ok) setDone(t('queue.approved', { count: (r.data as { approved: number }).approved }));
  };

  return (
    <div className="stack moderation" data-testid="mod-queue-page">
      <header className="console-head">
        <div>
          <p className="eyebrow">{t('moderation.title')}</p>
          <h1>{t('queue.title')}</h1>
        </div>
        <nav className="actions">
          {filter && <Link href={`/animer/moderation/${filter}`} className="button secondary">{t('queue.byAtelier')}</Link>}
          <Link href="/animer" className="button secondary">{t('wall.backToConsole')}</Link>
        </nav>
      </header>
      <ErrorMessage error={state.error ?? error} />
      <section className="card stack" aria-labelledby="queue-title">
        <div className="queue-head">
          <h2 id="queue-title" data-testid="mod-queue-count" data-count={shown.length}>{t('queue.count', { count: shown.length })}</h2>
          <label className="field inline">
            {t('queue.filter')}
            <select data-testid="mod-queue-filter" value={filter} onChange={(e) => choose(e.target.value)}>
              <option value="">{t('queue.allAteliers')}</option>
              {ateliers.map((a) => (
                <option key={a.id} value={a.id}>{a.title}</option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" data-testid="mod-approve-all" disabled={busy || !ready || shown.length === 0} onClick={() => void approveAll()}>
            {t('queue.approveAll', { count: shown.length })}
          </button>
        </div>
        {done && <p className="success" role="status">{done}</p>}
        {queue === null ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="hint">{t('queue.empty')}</p>
        ) : (
          <ul className="mod-ideas" data-testid="mod-queue">
            {shown.map((i) => (
              <ModIdeaItem key={i.id} session={session} idea={i} testId="mod-queue-idea" atelierTitle={filter ? undefined : titles.get(i.atelierId)} />
            ))}
          </ul>
        )}
      </section>
      <BlockedPeople session={session} ready={ready} refreshKey={queue} titles={titles} />
      <p className="hint">{t('moderation.blockHint')}</p>
    </div>
  );
}
