import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, type BlockedParticipant } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

interface Props {
  session: FacilitatorSession | null;
  ready: boolean;
  /** Changes when a block may have happened (the queue moved). */
  refreshKey: unknown;
  titles: ReadonlyMap<string, string>;
}

/** Who is blocked, and the way back: a mistaken block is undone here. */
export function BlockedPeople({ session, ready, refreshKey, titles }: Props) {
  const { t, i18n } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const [people, setPeople] = useState<BlockedParticipant[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await run(C.blockedList, {});
    if (r.ok) setPeople((r.data as { participants: BlockedParticipant[] }).participants);
  }, [run]);
  useEffect(() => {
    if (ready) void load();
  }, [ready, load, refreshKey]);

  const unblock = async (p: BlockedParticipant) => {
    if (!window.confirm(t('queue.confirmUnblock', { name: p.pseudonym }))) return;
    const r = await run(C.unblock, { participantId: p.id });
    if (r.ok) {
      setDone(t('queue.unblocked', { name: p.pseudonym }));
      await load();
    }
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });

  return (
    <section className="card stack" aria-labelledby="blocked-title" data-testid="blocked-people">
      <h2 id="blocked-title">{t('queue.blockedTitle')}</h2>
      {done && <p className="success" role="status">{done}</p>}
      {people.length === 0 ? (
        <p className="hint">{t('queue.blockedNone')}</p>
      ) : (
        <ul className="blocked-list">
          {people.map((p) => (
            <li key={p.id} data-testid="blocked-person" data-participant-id={p.id}>
              <strong>{p.pseudonym}</strong>
              <span className="hint">
                {p.atelierId ? titles.get(p.atelierId) ?? '' : ''} · {t('queue.blockedAt', { time: time(p.blockedAt) })}
              </span>
              <button type="button" className="secondary small" data-testid="unblock" disabled={busy} aria-label={t('queue.unblockLabel', { name: p.pseudonym })}
                onClick={() => void unblock(p)}>
                {t('queue.unblock')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
