import { useTranslation } from 'react-i18next';
import type { ClusterView } from '@semis/shared';

/** "5 idées dont 1 fusionnée": merged duplicates still count as ideas, and say so. */
export function useCountText(): (c: Pick<ClusterView, 'ideaIds' | 'mergedCount'>) => string {
  const { t } = useTranslation();
  return (c) =>
    c.mergedCount > 0
      ? t('votes.clusters.countMerged', { ideas: t('votes.clusters.count', { count: c.ideaIds.length }), merged: t('votes.clusters.mergedCount', { count: c.mergedCount }) })
      : t('votes.clusters.count', { count: c.ideaIds.length });
}
