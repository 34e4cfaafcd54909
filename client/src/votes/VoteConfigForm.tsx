import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { C, type Atelier, type VoteConfig } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';

/** An atelier's vote settings. While its vote is open only the results display may change (the
 * server answers VOTE_OPEN otherwise): the other fields are disabled and say why. */
export function VoteConfigForm({ socket, atelier, voteOpen }: { socket: SemisSocket | null; atelier: Atelier; voteOpen: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<VoteConfig>(atelier.vote);
  const [state, setState] = useState<'idle' | 'busy' | 'saved'>('idle');
  const [error, setError] = useState<ClientError | null>(null);
  useEffect(() => setDraft(atelier.vote), [atelier.vote]);

  const set = <K extends keyof VoteConfig>(key: K, value: VoteConfig[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setState('idle');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!socket) return;
    const changed = (Object.keys(draft) as (keyof VoteConfig)[]).filter((k) => draft[k] !== atelier.vote[k] && (!voteOpen || k === 'results'));
    const config = Object.fromEntries(changed.map((k) => [k, draft[k]])) as Partial<VoteConfig>;
    setState('busy');
    const r = await request(socket, C.voteConfigure, { atelierId: atelier.id, config });
    setState(r.ok ? 'saved' : 'idle');
    setError(r.ok ? null : r.error);
  };
  const number = (key: 'dotsPerParticipant' | 'maxPerItem') => ({
    type: 'number',
    min: 1,
    max: 50,
    value: draft[key],
    disabled: voteOpen,
    onChange: (e: { target: { value: string } }) => set(key, Math.max(1, Math.min(50, Number(e.target.value) || 1))),
  });

  return (
    <form className="stack vote-config" onSubmit={submit}>
      <h3>{t('votes.config.title')}</h3>
      <p className="hint">{t('votes.config.opensWithPhase')}</p>
      {voteOpen && <p className="warning">{t('votes.config.openLocked')}</p>}
      <label className="field inline">
        {t('votes.config.mode')}
        <select data-testid="vote-config-mode" value={draft.mode} disabled={voteOpen} onChange={(e) => set('mode', e.target.value as VoteConfig['mode'])}>
          <option value="dots">{t('votes.config.modeDots')}</option>
          <option value="rating">{t('votes.config.modeRating')}</option>
        </select>
      </label>
      <label className="field inline">
        {t('votes.config.dots')}
        <input data-testid="vote-config-dots" {...number('dotsPerParticipant')} />
      </label>
      <label className="field inline">
        {t('votes.config.max')}
        <input data-testid="vote-config-max" {...number('maxPerItem')} />
      </label>
      <label className="field inline">
        {t('votes.config.target')}
        <select data-testid="vote-config-target" value={draft.target} disabled={voteOpen} onChange={(e) => set('target', e.target.value as VoteConfig['target'])}>
          <option value="clusters">{t('votes.config.targetClusters')}</option>
          <option value="ideas">{t('votes.config.targetIdeas')}</option>
        </select>
      </label>
      <label className="field inline">
        {t('votes.config.results')}
        <select data-testid="vote-config-results" value={draft.results} onChange={(e) => set('results', e.target.value as VoteConfig['results'])}>
          <option value="hidden">{t('votes.config.resultsHidden')}</option>
          <option value="live">{t('votes.config.resultsLive')}</option>
        </select>
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary small" data-testid="vote-config-save" disabled={state === 'busy' || !socket}>
          {t('votes.config.save')}
        </button>
        {state === 'saved' && (
          <span className="success" role="status">
            {t('votes.config.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
