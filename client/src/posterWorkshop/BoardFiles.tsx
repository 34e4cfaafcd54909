import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_TYPES, MAX_UPLOAD_BYTES } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { downloadExport, uploadBackground } from './files';

/** Export buttons for any board, and the background-map upload for posters a writer may change. */
export function BoardFiles({ boardId, token, canUpload }: { boardId: string; token: string; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const run = async (job: () => Promise<ClientError | null>) => {
    setBusy(true);
    setError(await job());
    setBusy(false);
  };
  return (
    <div className="board-files">
      <button type="button" className="secondary small" disabled={busy} data-testid="export-png" onClick={() => run(() => downloadExport(boardId, 'png', token, i18n.language))}>
        {t('posters.exportPng')}
      </button>
      <button type="button" className="secondary small" disabled={busy} data-testid="export-svg" onClick={() => run(() => downloadExport(boardId, 'svg', token, i18n.language))}>
        {t('posters.exportSvg')}
      </button>
      {canUpload && (
        <>
          <button type="button" className="secondary small" disabled={busy} onClick={() => input.current?.click()}>
            {t('posters.background')}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            data-testid="background-input"
            accept={IMAGE_TYPES.join(',')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              if (file.size > MAX_UPLOAD_BYTES) return setError({ code: 'PAYLOAD_TOO_LARGE' });
              void run(() => uploadBackground(boardId, file, token));
            }}
          />
        </>
      )}
      {busy && <span className="hint" aria-busy="true">{t('app.loading')}</span>}
      <ErrorMessage error={error} />
    </div>
  );
}
