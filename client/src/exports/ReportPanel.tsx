import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, LANGUAGES, REPORT_SECTIONS, type Atelier, type Language, type ReportRequest, type ReportSection } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { adminJson, bearer, downloadFile } from './download';
import { CsvExports } from './CsvExports';
import { DeleteEvent } from './DeleteEvent';
import { DuplicateEvent } from './DuplicateEvent';
import { Retention } from './Retention';
import { ImportIdeas } from './ImportIdeas';
import './exports.css';

/** The console's *restitution* card: one click for the PDF; ateliers, sections and an
 * introduction for those who want them. A co-facilitator gets their atelier's report. */
export function ReportPanel({ token, ateliers, wholeEvent, joinCode, eventName, retentionDays }: { token: string; ateliers: Atelier[]; wholeEvent: boolean; joinCode: string; eventName: string; retentionDays: number }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr');
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [sections, setSections] = useState<Set<ReportSection>>(new Set(REPORT_SECTIONS));
  const [intro, setIntro] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);

  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const download = async (format: 'pdf' | 'html') => {
    setBusy(true);
    setDone(false);
    setError(null);
    const body: ReportRequest = { format, lang, intro, sections: [...sections] };
    if (chosen) body.ateliers = ateliers.filter((a) => chosen.has(a.id)).map((a) => a.id);
    const failed = await downloadFile(API.adminReport, adminJson(token, 'POST', body, { 'Accept-Language': i18n.language }), `restitution.${format}`);
    setBusy(false);
    setError(failed);
    setDone(!failed);
  };

  const archive = async () => {
    setError(null);
    setError(await downloadFile(API.adminArchive, bearer(token), 'semis.json'));
  };

  return (
    <section className="card stack report-panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('exports.report.title')}</h2>
      <p className="hint">{wholeEvent ? t('exports.report.hint') : t('exports.report.ownAtelier')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void download('pdf')} data-testid="report-pdf">
          {t('exports.report.pdf')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void download('html')} data-testid="report-html">
          {t('exports.report.html')}
        </button>
        <label className="report-lang">
          {t('exports.report.language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {busy && <p role="status">{t('exports.report.busy')}</p>}
      {done && <p role="status" className="success">{t('exports.report.done')}</p>}
      <ErrorMessage error={error} />
      <details>
        <summary>{wholeEvent ? t('exports.report.options') : t('exports.report.optionsCofac')}</summary>
        <div className="report-options">
          <fieldset>
            <legend>{t('exports.report.sections')}</legend>
            {REPORT_SECTIONS.filter((s) => wholeEvent || s !== 'plenary').map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={sections.has(s)} onChange={() => setSections(toggle(sections, s))} /> {t(`exports.section.${s}`)}
              </label>
            ))}
          </fieldset>
          {wholeEvent && ateliers.length > 1 && (
            <fieldset>
              <legend>{t('exports.report.ateliers')}</legend>
              <label className="check">
                <input type="checkbox" checked={chosen === null} onChange={() => setChosen(chosen === null ? new Set() : null)} /> {t('exports.report.allAteliers')}
              </label>
              {ateliers.map((a) => (
                <label key={a.id} className="check">
                  <input type="checkbox" checked={chosen === null || chosen.has(a.id)} onChange={() => setChosen(toggle(chosen ?? new Set(ateliers.map((x) => x.id)), a.id))} /> {a.title}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        <label className="stack">
          {t('exports.report.intro')}
          <textarea rows={4} maxLength={4000} value={intro} onChange={(e) => setIntro(e.target.value)} aria-describedby="report-intro-hint" />
          <span className="hint" id="report-intro-hint">{t('exports.report.introHint')}</span>
        </label>
      </details>
      <CsvExports token={token} />
      {wholeEvent && (
        <div className="stack">
          <h3>{t('exports.archive.title')}</h3>
          <p className="hint">{t('exports.archive.hint')}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void archive()} data-testid="archive-export">{t('exports.archive.export')}</button>
          </div>
          <ImportIdeas token={token} ateliers={ateliers} />
          <DuplicateEvent token={token} name={eventName} />
          <Retention token={token} days={retentionDays} />
          <DeleteEvent token={token} joinCode={joinCode} />
        </div>
      )}
    </section>
  );
}
