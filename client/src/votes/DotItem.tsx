import { useTranslation } from 'react-i18next';
import type { ErrorCode, VoteItem } from '@semis/shared';
import { VoteItemIdeas } from './VoteItemIdeas';
import { VoteItemContext } from './VoteItemContext';

interface Props {
  item: VoteItem;
  texts: string[];
  myDots: number;
  maxPerItem: number;
  refusal: (itemId: string, delta: 1 | -1) => ErrorCode | null;
  onClick: (itemId: string, delta: 1 | -1) => void;
}

/** One proposal with my gommettes on it (●●○) and big − / + buttons. */
export function DotItem({ item, texts, myDots, maxPerItem, refusal, onClick }: Props) {
  const { t } = useTranslation();
  const plus = refusal(item.itemId, 1);
  const minus = refusal(item.itemId, -1);
  return (
    <li className="vote-item" data-testid="vote-item" data-item-id={item.itemId} data-my-dots={myDots}>
      <p className="vote-item-title">{item.title}</p>
      <VoteItemContext item={item} />
      <VoteItemIdeas texts={texts} />
      <div className="vote-controls">
        <button
          type="button"
          className="secondary vote-btn"
          data-testid="vote-minus"
          disabled={minus !== null}
          aria-label={t('votes.screen.remove', { title: item.title })}
          onClick={() => onClick(item.itemId, -1)}
        >
          −
        </button>
        <span className="dots" role="img" aria-label={t('votes.screen.myDots', { count: myDots })}>
          {Array.from({ length: Math.max(maxPerItem, myDots) }, (_, i) => (
            <span key={i} className={i < myDots ? 'gommette on' : 'gommette'} aria-hidden="true" />
          ))}
        </span>
        <button
          type="button"
          className="primary vote-btn"
          data-testid="vote-plus"
          disabled={plus !== null}
          aria-label={t('votes.screen.add', { title: item.title })}
          onClick={() => onClick(item.itemId, 1)}
        >
          +
        </button>
      </div>
      {plus === 'VOTE_ITEM_CAP' && <p className="hint">{t('votes.screen.capReached')}</p>}
    </li>
  );
}
