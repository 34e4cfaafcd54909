import { useTranslation } from 'react-i18next';
import type { StatusChange } from '@semis/shared';

/** Who moved the card along the method, when, and why. */
export function StatusHistory({ history }: { history: StatusChange[] }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return null;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });
  const status = (s: string) => t(`votes.candidates.statuses.${s as StatusChange['to']}`);
  return (
    <section className="status-history" aria-label={t('exports.followUp.history')}>
      <h3>{t('exports.followUp.history')}</h3>
      <ol data-testid="status-history">
        {history.map((h, i) => (
          <li key={i}>
            {h.from === null
              ? t('exports.followUp.created', { date: date(h.at), who: h.who, to: status(h.to) })
              : t('exports.followUp.historyLine', { date: date(h.at), who: h.who, from: status(h.from), to: status(h.to) })}
            {h.note && <q className="hint"> {h.note}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
