import type { IdeaCard } from '@semis/shared';

/** The wall's content as text: screen readers can't read a canvas (the e2e tests read this too). */
export function WallIdeasList({ cards, label }: { cards: IdeaCard[]; label: string }) {
  return (
    <ul className="visually-hidden" aria-live="polite" aria-label={label} data-testid="wall-ideas">
      {cards.map((c) => (
        <li key={c.id} data-testid="wall-idea" data-idea-id={c.id}>
          {c.text}
        </li>
      ))}
    </ul>
  );
}
