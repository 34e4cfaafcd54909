import { useTranslation } from 'react-i18next';
import type { BoardStatus } from '../sync/useBoardDoc';

export function StatusBadge({ status, testId }: { status: BoardStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid={testId} data-online={status === 'connected'} role="status">
      <span className="dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
