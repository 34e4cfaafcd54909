import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A cluster's ideas under its title, folded by default: 15 clusters must fit a phone's scroll. */
export function VoteItemIdeas({ texts }: { texts: string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (texts.length === 0) return null;
  return (
    <div className="vote-ideas">
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('votes.screen.hideIdeas') : t('votes.screen.showIdeas', { count: texts.length })}
      </button>
      {open && (
        <ul>
          {texts.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
