import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, MAX_ARCHIVE_BYTES } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { errorOf } from './download';

/** Brings an exported event onto this server; its facilitator link keeps working here. */
export function ArchiveImport() {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setError(null);
    setDone(null);
    if (file.size > MAX_ARCHIVE_BYTES) return setError({ code: 'PAYLOAD_TOO_LARGE' });
    setBusy(true);
    try {
      const res = await fetch(API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language }, body: file });
      if (res.ok) setDone(((await res.json()) as { name: string }).name);
      else setError(await errorOf(res));
    } catch {
      setError({ code: 'NETWORK' });
    }
    setBusy(false);
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
