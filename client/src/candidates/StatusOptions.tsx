import { useTranslation } from 'react-i18next';
import { CANDIDATE_STATUSES } from '@semis/shared';

/** The method's steps as <option>s, for the card's select and the portfolio's filter. */
export function StatusOptions() {
  const { t } = useTranslation();
  return (
    <>
      {CANDIDATE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`votes.candidates.statuses.${s}`)}
        </option>
      ))}
    </>
  );
}
