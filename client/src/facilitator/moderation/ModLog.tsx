import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, type ModerationLogEntry } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';
import { logDetails } from './logDetails';

const LOG_REFRESH_MS = 2000;
const LOG_POLL_MS = 15_000;
const KNOWN = ['phase', 'configure', 'reveal', 'timer.start', 'timer.pause', 'timer.resume', 'timer.add', 'timer.clear', 'idea.hide', 'idea.show', 'idea.approve', 'idea.reject', 'idea.delete', 'idea.edit', 'idea.approveAll', 'block', 'unblock', 'cofacilitator'];
/** i18next reads dots as nesting, so "timer.start" is looked up as "timer_start". */
const actionKey = (a: string) => (KNOWN.includes(a) ? a.replace('.', '_') : null);

/** Who did what, when — for this atelier (phase changes name their ateliers in `target`). */
interface Props {
  session: FacilitatorSession | null;
  atelierId: string;
  /** Commands are refused until the connection is authenticated. */
  ready: boolean;
  /** Changes when something worth logging may have happened (ideas, atelier state). */
  refreshKey: unknown;
}

export function ModLog({ session, atelierId, ready, refreshKey }: Props) {
  const { t, i18n } = useTranslation();
  const { run, error } = useCommand(session);
  const [entries, setEntries] = useState<ModerationLogEntry[]>([]);
  const load = useCallback(async () => {
    const r = await run(C.modLog, { limit: 200 });
    if (r.ok) setEntries((r.data as { entries: ModerationLogEntry[] }).entries.filter((e) => e.atelierId === atelierId || e.target.includes(atelierId)));
  }, [run, atelierId]);
  useEffect(() => {
    if (!ready) return;
    void load();
    // Blocks and co-facilitators' actions change no idea: a slow poll catches them too.
    const poll = setInterval(() => void load(), LOG_POLL_MS);
    return () => clearInterval(poll);
  }, [load, ready]);
  // Ideas change by the dozen during idéation: re-read the log at most every few seconds,
  // well within the connection's command budget.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current || !ready) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void load();
    }, LOG_REFRESH_MS);
  }, [load, ready, refreshKey]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section className="card stack mod-log" aria-labelledby="mod-log-title">
      <div className="section-head">
        <h2 id="mod-log-title">{t('moderation.log')}</h2>
        <button type="button" className="secondary small" onClick={() => void load()}>{t('moderation.refresh')}</button>
      </div>
      <ErrorMessage error={error} />
      {entries.length === 0 ? (
        <p className="hint">{t('moderation.logEmpty')}</p>
      ) : (
        <ol className="log-entries">
          {entries.map((e, i) => {
            const key = actionKey(e.action);
            return (
              <li key={`${e.at}-${i}`} data-testid="mod-log-entry" data-action={e.action}>
                <time dateTime={e.at}>{time(e.at)}</time> <strong>{e.actor}</strong> · {key ? t(`moderation.actions.${key}` as 'moderation.actions.phase') : e.action}
                {e.details && <span className="hint"> — {logDetails(t, e)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
