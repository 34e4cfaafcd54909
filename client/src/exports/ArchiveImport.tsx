import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, MAX_ARCHIVE_BYTES } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from './useRequest';

/** Brings an exported event onto this server; its facilitator link keeps working here. */
export function ArchiveImport() {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { error, setError, busy, run } = useRequest();
  const [done, setDone] = useState<string | null>(null);
  const send = async (file: File) => {
    setError(null);
    setDone(null);
    if (file.size > MAX_ARCHIVE_BYTES) return setError({ code: 'PAYLOAD_TOO_LARGE' });
    await run(API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language }, body: file }, async (res) =>
      setDone(((await res.json()) as { name: string }).name));
  };
  return (
    <section className="card stack">
      <h2>{t('exports.archive.importTitle')}</h2>
      <p className="hint">{t('exports.archive.importHint')}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => input.current?.click()} data-testid="archive-import">
          {t('exports.archive.importButton')}
        </button>
      </div>
      <input ref={input} type="file" hidden accept="application/json,.json" data-testid="archive-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }} />
      {done !== null && <p role="status" className="success">{t('exports.archive.imported', { name: done })}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
