import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, type Atelier } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CopyButton } from '../../ui/CopyButton';
import { useCommand } from '../useCommand';

/** A private link for the atelier's own animateur: rights on this atelier only. */
export function CofacLink({ session, atelier }: { session: FacilitatorSession | null; atelier: Atelier }) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, error } = useCommand(session);
  const [label, setLabel] = useState(() => t('cofac.defaultLabel', { title: atelier.title }).slice(0, 40));
  const [link, setLink] = useState<string | null>(null);
  const create = async () => {
    const r = await run(C.coFacilitator, { atelierId: atelier.id, label });
    if (r.ok) setLink((r.data as { link: string }).link);
  };
  return (
    <div className="cofac" role="group" aria-label={t('cofac.title')}>
      <label htmlFor={`${id}-label`} className="small-label">{t('cofac.title')}</label>
      <input id={`${id}-label`} data-testid="cofac-label" value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
      <button type="button" className="secondary small" data-testid="cofac-create" disabled={busy} onClick={() => void create()}>
        {t('cofac.create')}
      </button>
      {link && (
        <div className="copy-row">
          <a data-testid="cofac-link" href={link} className="admin-link" target="_blank" rel="noreferrer">{link}</a>
          <CopyButton text={link} />
          <span className="hint">{t('cofac.hint')}</span>
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
