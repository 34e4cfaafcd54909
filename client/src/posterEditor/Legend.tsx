import { useTranslation } from 'react-i18next';
import type { LegendSection } from '@semis/shared/posters';
import { DOMAIN_NAMES } from '@semis/shared/chorems';
import { Swatch } from './Swatch';

/** The legend of the symbols actually on the poster, rebuilt from the document on every change. */
export function Legend({ sections }: { sections: readonly LegendSection[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <h2 id="legend-title">{t('poster.legend')}</h2>
      {sections.length === 0 && <p className="hint">{t('poster.legendEmpty')}</p>}
      {sections.map((s) => (
        <div key={s.domain}>
          <h3>{DOMAIN_NAMES[s.domain][lang]}</h3>
          <ul>
            {s.entries.map((e) => (
              <li key={e.symbol.id} data-testid="legend-item" data-symbol={e.symbol.id}>
                <Swatch symbol={e.symbol} />
                <span>
                  {e.symbol.name[lang]}
                  {e.count > 1 && <span className="hint"> ×{e.count}</span>}
                  {e.labels.length > 0 && <span className="legend-labels"> — {e.labels.join(', ')}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
