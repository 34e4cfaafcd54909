import { useTranslation } from 'react-i18next';
import type { Atelier } from '@semis/shared';

export function AtelierPicker({ ateliers, onPick }: { ateliers: Atelier[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <h1>{t('participant.pickTitle')}</h1>
      <p className="hint">{t('participant.pickIntro')}</p>
      <ul className="atelier-choices">
        {[...ateliers]
          .sort((a, b) => a.position - b.position)
          .map((a) => (
            <li key={a.id}>
              <button type="button" className="atelier-choice" data-testid="atelier-choice" onClick={() => onPick(a.id)}>
                <strong>{a.title}</strong>
                {a.question && <span>{a.question}</span>}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
