import { useTranslation } from 'react-i18next';
import { DOMAINS, DOMAIN_NAMES, type Domain } from '@semis/shared/chorems';

/** The four domaines d'appréciation as layers: shown or hidden, and the one free drawing goes to. */
export function LayersPanel(props: { hidden: ReadonlySet<Domain>; onToggle: (d: Domain) => void; active: Domain; onActive: (d: Domain) => void; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <fieldset className="layers">
      <legend>{t('poster.layers')}</legend>
      {DOMAINS.map((d) => (
        <div key={d} className="layer-row">
          <label>
            <input type="checkbox" checked={!props.hidden.has(d)} onChange={() => props.onToggle(d)} data-testid={`layer-toggle-${d}`} />
            {DOMAIN_NAMES[d][lang]}
          </label>
          {props.canWrite && (
            <label className="hint draw-here" title={t('poster.activeLayer', { name: DOMAIN_NAMES[d][lang] })}>
              <input type="radio" name="active-layer" checked={props.active === d} onChange={() => props.onActive(d)} aria-label={t('poster.activeLayer', { name: DOMAIN_NAMES[d][lang] })} />
              <span aria-hidden="true">✎</span>
            </label>
          )}
        </div>
      ))}
    </fieldset>
  );
}
