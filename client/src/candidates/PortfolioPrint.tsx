import { useTranslation } from 'react-i18next';
import type { Atelier, Candidate } from '@semis/shared';

/**
 * Every card of the portfolio as plain text, for paper only: the screen's editors (inputs,
 * textareas, one open card at a time) would print clipped. Hidden on screen by print.css.
 */
export function PortfolioPrint({ ateliers, candidates }: { ateliers: Atelier[]; candidates: Candidate[] }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });
  const field = (label: string, value: string) => (value.trim() ? (<><dt>{label}</dt><dd>{value}</dd></>) : null);
  return (
    <div className="portfolio-print print-only" data-testid="portfolio-print">
      {ateliers.map((a) => {
        const mine = candidates.filter((c) => c.atelierId === a.id);
        if (mine.length === 0) return null;
        return (
          <section key={a.id}>
            <h2>{a.title}</h2>
            {mine.map((c) => (
              <article key={c.id} className="print-card">
                <h3>{c.title} — {t(`votes.candidates.statuses.${c.status}`)}</h3>
                <dl>
                  {field(t('votes.candidates.besoin'), c.besoin)}
                  {field(t('votes.candidates.ressources'), c.ressources)}
                  {field(t('exports.followUp.modeleEconomique'), c.modeleEconomique)}
                  {field(t('votes.candidates.porteur'), c.porteur)}
                  {field(t('votes.candidates.nextSteps'), c.nextSteps)}
                </dl>
                {c.steps.length > 0 && (
                  <ul>
                    {c.steps.map((s, i) => (
                      <li key={i}>{s.done ? '☑' : '☐'} {s.due ? date(s.due) : ''} {s.text}</li>
                    ))}
                  </ul>
                )}
                {c.stakeholders.some((s) => s.apports.trim() || s.interets.trim()) && (
                  <table>
                    <thead>
                      <tr><th>{t('votes.candidates.partie')}</th><th>{t('votes.candidates.apports')}</th><th>{t('votes.candidates.interets')}</th></tr>
                    </thead>
                    <tbody>
                      {c.stakeholders.filter((s) => s.apports.trim() || s.interets.trim()).map((s, i) => (
                        <tr key={i}><td>{s.partie}</td><td>{s.apports}</td><td>{s.interets}</td></tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}
