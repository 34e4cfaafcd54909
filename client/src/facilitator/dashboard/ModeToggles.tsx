import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, can, DEFAULT_GROUP_CREATION, type Atelier } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

type Mode = 'privateWriting' | 'moderated' | 'showAuthors';
const MODES: { key: Mode; testId: string }[] = [
  { key: 'privateWriting', testId: 'toggle-private' },
  { key: 'moderated', testId: 'toggle-moderated' },
  { key: 'showAuthors', testId: 'toggle-authors' },
];

/** Écriture privée, mode modéré, pseudonymes, and the reveal that ends écriture privée. */
export function ModeToggles({ session, atelier, privateCount }: { session: FacilitatorSession | null; atelier: Atelier; privateCount: number }) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  // Shown as asked at once; the server's answer (or a refusal) then settles it.
  const [asked, setAsked] = useState<Partial<Record<Mode, boolean>>>({});
  const toggle = async (key: Mode, on: boolean) => {
    setAsked((a) => ({ ...a, [key]: on }));
    await run(C.configureAtelier, { atelierId: atelier.id, [key]: on });
    setAsked(({ [key]: _, ...rest }) => rest);
  };
  const off = busy || !can('facilitator', 'atelier.configure', { phase: atelier.phase });
  // Who forms poster groups: participants (as many each as set, one by default) or only the animation.
  const groups = atelier.groupCreation ?? DEFAULT_GROUP_CREATION;
  const [groupsAsked, setGroupsAsked] = useState<boolean | null>(null);
  const toggleGroups = async (on: boolean) => {
    setGroupsAsked(on);
    await run(C.configureAtelier, { atelierId: atelier.id, groupCreation: { ...groups, by: on ? 'participants' : 'facilitators' } });
    setGroupsAsked(null);
  };
  return (
    <div className="mode-toggles" role="group" aria-label={t('modes.title')}>
      {MODES.map(({ key, testId }) => (
        <label key={key} className="check">
          <input type="checkbox" data-testid={testId} checked={asked[key] ?? atelier[key]} disabled={off}
            onChange={(e) => void toggle(key, e.target.checked)} />
          {t(`modes.${key}`)}
        </label>
      ))}
      <label className="check">
        <input type="checkbox" data-testid="toggle-participant-groups" checked={groupsAsked ?? groups.by === 'participants'} disabled={off}
          onChange={(e) => void toggleGroups(e.target.checked)} />
        {t('modes.participantGroups')}
      </label>
      <button type="button" className="secondary small" data-testid="reveal-ideas" disabled={off}
        onClick={() => void run(C.reveal, { atelierId: atelier.id })}>
        {t('modes.reveal')}
        {privateCount > 0 && ` (${privateCount})`}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
