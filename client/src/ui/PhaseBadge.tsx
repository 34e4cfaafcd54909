import { useTranslation } from 'react-i18next';
import type { Phase } from '@semis/shared';

export function PhaseBadge({ phase, testId }: { phase: Phase; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`phase-badge phase-${phase}`} data-testid={testId} data-phase={phase}>
      {t(`phase.${phase}`)}
    </span>
  );
}
