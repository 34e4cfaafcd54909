import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { C, type Atelier, type VoteConfig, type VoteConfigPatch } from '@semis/shared';
import { voteItemsFromBoard } from '@semis/shared/grouping';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';

interface Props {
  socket: SemisSocket | null;
  atelier: Atelier;
  voteOpen: boolean;
  /** The wall's document, to show before opening what will be voted on. */
  doc: Y.Doc | null;
}

/** An atelier's vote settings. Only the fields the facilitator touched are sent (a partial
 * update), and the others keep following the atelier's live settings, so a push arriving while
 * the form is open neither resets a choice nor gets overwritten by a stale one. While its vote is
 * open only the results display may change (the server answers VOTE_OPEN otherwise). */
export function VoteConfigForm({ socket, atelier, voteOpen, doc }: Props) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<VoteConfigPatch>({});
  const [state, setState] = useState<'idle' | 'busy' | 'saved'>('idle');
  const [error, setError] = useState<ClientError | null>(null);
  const draft: VoteConfig = { ...atelier.vote, ...touched };
  const preview = doc && !voteOpen ? voteItemsFromBoard(doc, draft) : null;
  const unclustered = doc && draft.target === 'clusters' ? voteItemsFromBoard(doc, { ...draft, includeUnclustered: false }).left.length : 0;

  const set = <K extends keyof VoteConfig>(key: K, value: VoteConfig[K]) => {
    setTouched((d) => ({ ...d, [key]: value }));
    setState('idle');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!socket) return;
    const changed = (Object.keys(touched) as (keyof VoteConfig)[]).filter((k) => touched[k] !== atelier.vote[k] && (!voteOpen || k === 'results'));
    const config = Object.fromEntries(changed.map((k) => [k, touched[k]])) as VoteConfigPatch;
    setState('busy');
    const r = await request(socket, C.voteConfigure, { atelierId: atelier.id, config });
    setState(r.ok ? 'saved' : 'idle');
    setError(r.ok ? null : r.error);
    if (r.ok) setTouched({});
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
    <form className="stack vote-config" onSubmit={submit} data-testid="vote-config">
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
      {draft.mode === 'dots' && (
        <>
          <label className="field inline">
            {t('votes.config.dots')}
            <input data-testid="vote-config-dots" {...number('dotsPerParticipant')} />
          </label>
          <label className="field inline">
            {t('votes.config.max')}
            <input data-testid="vote-config-max" {...number('maxPerItem')} />
          </label>
        </>
      )}
      <label className="field inline">
        {t('votes.config.target')}
        <select data-testid="vote-config-target" value={draft.target} disabled={voteOpen} onChange={(e) => set('target', e.target.value as VoteConfig['target'])}>
          <option value="clusters">{t('votes.config.targetClusters')}</option>
          <option value="ideas">{t('votes.config.targetIdeas')}</option>
        </select>
      </label>
      {unclustered > 0 && (
        <div className={draft.includeUnclustered ? 'hint' : 'warning'} data-testid="vote-unclustered" data-count={unclustered}>
          <p>{t(draft.includeUnclustered ? 'votes.config.unclusteredIncluded' : 'votes.config.unclusteredLeft', { count: unclustered })}</p>
          <label className="check">
            <input
              type="checkbox"
              data-testid="vote-config-include"
              checked={draft.includeUnclustered}
              disabled={voteOpen}
              onChange={(e) => set('includeUnclustered', e.target.checked)}
            />
            {t('votes.config.includeUnclustered')}
          </label>
        </div>
      )}
      <label className="field inline">
        {t('votes.config.results')}
        <select data-testid="vote-config-results" value={draft.results} onChange={(e) => set('results', e.target.value as VoteConfig['results'])}>
          <option value="hidden">{t('votes.config.resultsHidden')}</option>
          <option value="live">{t('votes.config.resultsLive')}</option>
        </select>
      </label>
      {preview && (
        <p className="hint" data-testid="vote-preview" data-items={preview.items.length}>
          {t('votes.config.preview', { count: preview.items.length })}
        </p>
      )}
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
