import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { adminJson, bearer, downloadFile } from './download';

/** The portfolio as a PDF (the report's candidates section alone), as CSV, or printed. */
export function PortfolioExports({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const run = async (job: () => Promise<ClientError | null>) => {
    setBusy(true);
    setError(await job());
    setBusy(false);
  };
  const pdf = () => downloadFile(API.adminReport, adminJson(token, 'POST', { format: 'pdf', lang, sections: ['candidates'] }, { 'Accept-Language': i18n.language }), 'portefeuille.pdf');
  const csv = () => downloadFile(`${API.adminCsv('candidates')}?sep=${lang === 'fr' ? 'semicolon' : 'comma'}&lang=${lang}`, bearer(token), 'candidates.csv');
  return (
    <div className="actions no-print">
      <button type="button" className="secondary small" disabled={busy} onClick={() => void run(pdf)} data-testid="portfolio-pdf">{t('exports.followUp.pdf')}</button>
      <button type="button" className="secondary small" disabled={busy} onClick={() => void run(csv)} data-testid="portfolio-csv">{t('exports.followUp.csv')}</button>
      <button type="button" className="secondary small" onClick={() => window.print()}>{t('exports.followUp.printPortfolio')}</button>
      <ErrorMessage error={error} />
    </div>
  );
}
