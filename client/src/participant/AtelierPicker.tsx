import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Atelier } from '@semis/shared';
import { PhaseBadge } from '../ui/PhaseBadge';

/** Past this many ateliers the list gets a search field: fifteen themes on a phone. */
const SEARCH_FROM = 7;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Open ateliers first (in the facilitators' order), closed ones last; one compact line each,
 * so fifteen fit in about a screen and a half. */
export function AtelierPicker({ ateliers, onPick }: { ateliers: Atelier[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = fold(query.trim());
  const shown = [...ateliers]
    .sort((a, b) => Number(a.phase === 'cloture') - Number(b.phase === 'cloture') || a.position - b.position)
    .filter((a) => !q || fold(`${a.title} ${a.theme} ${a.question}`).includes(q));
  return (
    <section className="stack">
      <h1>{t('participant.pickTitle')}</h1>
      <p className="hint">{t('participant.pickIntro')}</p>
      {ateliers.length >= SEARCH_FROM && (
        <>
          <label htmlFor="atelier-search" className="visually-hidden">
            {t('participant.pickSearch')}
          </label>
          <input id="atelier-search" type="search" data-testid="atelier-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('participant.pickSearch')} autoComplete="off" />
        </>
      )}
      {shown.length === 0 && <p className="hint">{t('participant.pickNone')}</p>}
      <ul className="atelier-choices">
        {shown.map((a) => (
          <li key={a.id}>
            <button type="button" className="atelier-choice" data-testid="atelier-choice" data-phase={a.phase} onClick={() => onPick(a.id)}>
              <span className="atelier-choice-head">
                <strong>{a.title}</strong>
                <PhaseBadge phase={a.phase} />
              </span>
              {a.question && <span className="atelier-choice-question">{a.question}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
