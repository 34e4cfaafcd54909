import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type Atelier } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import { adminJson } from './download';
import { useRequest } from './useRequest';

/** "> 50 idées collectées" in interviews: onto an atelier's wall before the evening starts. */
export function ImportIdeas({ token, ateliers }: { token: string; ateliers: Atelier[] }) {
  const { t } = useTranslation();
  const [atelierId, setAtelierId] = useState(ateliers[0]?.id ?? '');
  const [text, setText] = useState('');
  const { error, run } = useRequest();
  const [done, setDone] = useState<{ imported: number; skipped: number } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const send = async (format: 'lines' | 'csv', body: string) => {
    setDone(null);
    await run(API.importIdeas(atelierId), adminJson(token, 'POST', { format, text: body }), async (res) => {
      setDone((await res.json()) as { imported: number; skipped: number });
      if (format === 'lines') setText('');
    });
  };
  if (ateliers.length === 0) return null;
  return (
    <details>
      <summary>{t('exports.importIdeas.title')}</summary>
      <div className="stack">
        <p className="hint">{t('exports.importIdeas.hint')}</p>
        <label className="stack">
          {t('exports.importIdeas.atelier')}
          <select value={atelierId} onChange={(e) => setAtelierId(e.target.value)} data-testid="import-atelier">
            {ateliers.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
          </select>
        </label>
        <label className="stack">
          {t('exports.importIdeas.text')}
          <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="import-text" />
        </label>
        <div className="actions">
          <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void send('lines', text)} data-testid="import-submit">{t('exports.importIdeas.submit')}</button>
          <button type="button" className="secondary" onClick={() => file.current?.click()}>{t('exports.importIdeas.file')}</button>
          <input ref={file} type="file" hidden accept=".csv,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void f.text().then((body) => send('csv', body));
            }} />
        </div>
        {done && <p role="status" className="success">{t('exports.importIdeas.done', done)}</p>}
        <ErrorMessage error={error} />
      </div>
    </details>
  );
}
