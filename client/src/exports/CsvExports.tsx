import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, CSV_EXPORTS, type CsvExport } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { bearer, downloadFile } from './download';

/** One button per table; `;` by default in French, as a French Excel expects. */
export function CsvExports({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [sep, setSep] = useState<'comma' | 'semicolon'>(i18n.language === 'fr' ? 'semicolon' : 'comma');
  const [error, setError] = useState<ClientError | null>(null);
  const download = async (kind: CsvExport) => {
    setError(null);
    const lang = i18n.language === 'en' ? 'en' : 'fr';
    setError(await downloadFile(`${API.adminCsv(kind)}?sep=${sep}&lang=${lang}`, bearer(token), `${kind}.csv`));
  };
  return (
    <div className="stack">
      <h3>{t('exports.csv.title')}</h3>
      <p className="hint">{t('exports.csv.hint')}</p>
      <div className="actions">
        {CSV_EXPORTS.map((kind) => (
          <button key={kind} type="button" className="secondary" onClick={() => void download(kind)} data-testid={`csv-${kind}`}>
            {t(`exports.csv.${kind}`)}
          </button>
        ))}
        <label className="report-lang">
          {t('exports.csv.separator')}{' '}
          <select value={sep} onChange={(e) => setSep(e.target.value as 'comma' | 'semicolon')}>
            <option value="semicolon">{t('exports.csv.semicolon')}</option>
            <option value="comma">{t('exports.csv.comma')}</option>
          </select>
        </label>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
