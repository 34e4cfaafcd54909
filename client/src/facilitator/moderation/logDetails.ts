import type { TFunction } from 'i18next';
import { PHASES, type ModerationLogEntry, type Phase } from '@semis/shared';

/** The server logs details as it stores them (a phase, a JSON timer or mode set, a text);
 * this turns the structured ones into words. */
export function logDetails(t: TFunction, e: ModerationLogEntry): string {
  if (e.action === 'phase' && (PHASES as readonly string[]).includes(e.details)) return t(`phase.${e.details as Phase}`);
  if (e.action.startsWith('timer.') || e.action === 'configure') {
    try {
      const v = JSON.parse(e.details) as Record<string, unknown>;
      if (typeof v.durationMs === 'number') return `${Math.round(v.durationMs / 60_000)} min${v.onZero === 'lock' ? ` · ${t('timer.lockAtZero')}` : ''}`;
      return Object.entries(v)
        .map(([k, on]) => `${t(`modes.${k as 'moderated'}`, { defaultValue: k })} : ${on ? t('moderation.on') : t('moderation.off')}`)
        .join(', ');
    } catch {
      return e.details;
    }
  }
  return e.details.length > 120 ? `${e.details.slice(0, 120)}…` : e.details;
}
