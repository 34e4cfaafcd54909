import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_MAX, RATING_MIN, type VoteItem } from '@semis/shared';
import { VoteItemIdeas } from './VoteItemIdeas';
import { VoteItemContext } from './VoteItemContext';

type Axis = 'desirability' | 'feasibility';
const VALUES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

interface Props {
  item: VoteItem;
  texts: string[];
  mine: { desirability: number; feasibility: number } | undefined;
  disabled: boolean;
  onRate: (itemId: string, desirability: number, feasibility: number) => void;
}

/** Souhaitable ? and réaliste ?, 1–4 each. The server takes both at once, so the first choice
 * waits on the phone until the second is made. */
export function RatingItem({ item, texts, mine, disabled, onRate }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Partial<Record<Axis, number>>>({});
  const value = (axis: Axis) => draft[axis] ?? mine?.[axis];
  const choose = (axis: Axis, v: number) => {
    const next = { desirability: value('desirability'), feasibility: value('feasibility'), [axis]: v };
    setDraft(next);
    if (next.desirability !== undefined && next.feasibility !== undefined) onRate(item.itemId, next.desirability, next.feasibility);
  };
  return (
    <li className="vote-item" data-testid="vote-item" data-item-id={item.itemId} data-rated={mine ? 'true' : 'false'}>
      <p className="vote-item-title">
        {item.title} {mine && <span className="badge">{t('votes.screen.rated')}</span>}
      </p>
      <VoteItemContext item={item} />
      <VoteItemIdeas texts={texts} />
      {(['desirability', 'feasibility'] as const).map((axis) => (
        <fieldset key={axis} className="rating-axis" disabled={disabled}>
          <legend>{t(`votes.screen.${axis}`)}</legend>
          <div className="rating-values">
            {VALUES.map((v) => (
              <button
                key={v}
                type="button"
                className={value(axis) === v ? 'primary' : 'secondary'}
                aria-pressed={value(axis) === v}
                aria-label={t('votes.screen.rateValue', { axis: t(`votes.screen.${axis}`), value: v })}
                data-testid={`rate-${axis}`}
                onClick={() => choose(axis, v)}
              >
                {v}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </li>
  );
}
