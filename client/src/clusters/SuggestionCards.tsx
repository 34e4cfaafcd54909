import { useTranslation } from 'react-i18next';
import type { SuggestedCluster } from '@semis/shared';

/** One proposal as the panel shows it: ideas still free, each with the words that put it there;
 * `keepTitle` names the facilitator's cluster `keepId` points at. */
export type Proposal = SuggestedCluster & { keepTitle?: string };

interface IdeaListProps {
  ideaIds: string[];
  text: ReadonlyMap<string, string>;
  why?: Record<string, string[]>;
  /** Set: each idea can be taken out of the proposal before accepting it. */
  onRemove?: (ideaId: string) => void;
}

/** The ideas of a proposal; under each, small, the shared or related words ("vélo ≈ cyclable"). */
function IdeaList({ ideaIds, text, why, onRemove }: IdeaListProps) {
  const { t } = useTranslation();
  return (
    <ul className="suggestion-ideas">
      {ideaIds.map((id) => {
        const words = why?.[id] ?? [];
        return (
          <li key={id} data-testid="suggestion-idea">
            <span className="suggestion-text">{text.get(id)}</span>
            {words.length > 0 && (
              <span className="why" data-testid="suggestion-why" title={t('votes.suggest.why')}>
                <span aria-hidden="true">↳ </span>
                <span className="visually-hidden">{t('votes.suggest.why')} </span>
                {words.join(' · ')}
              </span>
            )}
            {onRemove && ideaIds.length > 1 && (
              <button
                type="button"
                className="link remove-idea"
                data-testid="suggestion-remove"
                aria-label={t('votes.suggest.removeLabel', { text: text.get(id) })}
                title={t('votes.suggest.removeLabel', { text: text.get(id) })}
                onClick={() => onRemove(id)}
              >
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

interface ClusterProps {
  proposal: Proposal;
  text: ReadonlyMap<string, string>;
  editable: boolean;
  title: string;
  onTitle: (title: string) => void;
  onRemove: (ideaId: string) => void;
  onAccept: () => void;
  onReject: () => void;
}

/** A new cluster (title editable before accepting) or ideas to add to a facilitator's cluster. */
export function ClusterSuggestion({ proposal: p, text, editable, title, onTitle, onRemove, onAccept, onReject }: ClusterProps) {
  const { t } = useTranslation();
  const adding = p.keepId !== undefined;
  return (
    <li className={adding ? 'suggestion addition' : 'suggestion'} data-testid={adding ? 'suggestion-add' : 'suggestion'} data-idea-count={p.ideaIds.length} data-keep-id={p.keepId}>
      {adding ? (
        <strong className="suggestion-title" data-testid="suggestion-title">
          {t('votes.suggest.addTo', { title: p.keepTitle })}
        </strong>
      ) : (
        <input
          className="suggestion-title"
          data-testid="suggestion-title"
          aria-label={t('votes.suggest.titleLabel')}
          value={title}
          maxLength={120}
          disabled={!editable}
          onChange={(e) => onTitle(e.target.value)}
        />
      )}
      {p.keywords.length > 0 && (
        <p className="keywords" data-testid="suggestion-keywords">
          <span className="why-label">{t('votes.suggest.keywords')}</span>{' '}
          {p.keywords.map((w) => (
            <span key={w} className="keyword">
              {w}
            </span>
          ))}
        </p>
      )}
      <IdeaList ideaIds={p.ideaIds} text={text} why={p.why} onRemove={editable ? onRemove : undefined} />
      <div className="actions">
        <button type="button" className="primary small" data-testid="suggestion-accept" disabled={!editable} onClick={onAccept}>
          {adding ? t('votes.suggest.add') : t('votes.suggest.accept')}
        </button>
        <button type="button" className="secondary small" data-testid="suggestion-reject" onClick={onReject}>
          {t('votes.suggest.reject')}
        </button>
      </div>
    </li>
  );
}

interface DuplicateProps {
  ideaIds: string[];
  why: string[];
  text: ReadonlyMap<string, string>;
  editable: boolean;
  onAccept: () => void;
  onReject: () => void;
}

/** Ideas that say the same thing, with what they share; accepting folds them into the first. */
export function DuplicateSuggestion({ ideaIds, why, text, editable, onAccept, onReject }: DuplicateProps) {
  const { t } = useTranslation();
  return (
    <li className="suggestion duplicate" data-testid="duplicate-suggestion" data-idea-count={ideaIds.length}>
      <strong>{t('votes.suggest.duplicateSet')}</strong>
      {why.length > 0 && (
        <p className="why" data-testid="duplicate-why">
          <span className="why-label">{t('votes.suggest.duplicateWhy')}</span> {why.join(' · ')}
        </p>
      )}
      <IdeaList ideaIds={ideaIds} text={text} />
      <div className="actions">
        <button type="button" className="primary small" data-testid="duplicate-accept" disabled={!editable} onClick={onAccept}>
          {t('votes.suggest.merge')}
        </button>
        <button type="button" className="secondary small" data-testid="duplicate-reject" onClick={onReject}>
          {t('votes.suggest.reject')}
        </button>
      </div>
    </li>
  );
}
