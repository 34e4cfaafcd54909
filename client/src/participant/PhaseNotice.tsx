import { useTranslation } from 'react-i18next';
import type { Atelier } from '@semis/shared';

/** What the phase means for the person holding the phone, in one sentence. */
export function PhaseNotice({ atelier, locked }: { atelier: Atelier; locked: boolean }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (locked) lines.push(t('participant.phase.locked'));
  else if (atelier.phase === 'ideation') {
    if (atelier.moderated) lines.push(t('participant.phase.moderated'));
    if (atelier.privateWriting) lines.push(t('participant.phase.private'));
  } else lines.push(t(`participant.phase.${atelier.phase}`));
  if (lines.length === 0) return null;
  return (
    <div className={`phase-notice phase-notice-${atelier.phase}${locked ? ' locked' : ''}`} data-testid="phase-notice" role="status">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}
