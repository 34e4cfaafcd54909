import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusOptions } from './StatusOptions';
import { C, type Candidate, type CandidatePatch, type Stakeholder } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { rankText } from '../votes/VoteResultsBars';
import { StakeholderTable } from './StakeholderTable';
import { StepsEditor } from './StepsEditor';
import { StatusHistory } from './StatusHistory';
import './candidates.css';

interface Props {
  socket: SemisSocket | null;
  candidate: Candidate;
  /** Texts of the linked ideas, when the card's board is at hand. */
  ideaText?: (id: string) => string | undefined;
  onSaved?: (c: Candidate) => void;
}

type Draft = Pick<Candidate, 'title' | 'besoin' | 'ressources' | 'porteur' | 'nextSteps' | 'modeleEconomique' | 'steps' | 'status' | 'stakeholders'>;
const draftOf = (c: Candidate): Draft => ({
  title: c.title, besoin: c.besoin, ressources: c.ressources, porteur: c.porteur, nextSteps: c.nextSteps, modeleEconomique: c.modeleEconomique, steps: c.steps, status: c.status, stakeholders: c.stakeholders,
});

/**
 * A project candidate's card (*fiche projet*). Each field is saved when left (candidate:update
 * with just that field), so two facilitators editing different fields don't overwrite each
 * other; a push from someone else refreshes the fields this card isn't editing.
 */
export function CandidateCard({ socket, candidate, ideaText, onSaved }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(candidate));
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ClientError | null>(null);
  const editing = useRef(new Set<keyof Draft>());

  useEffect(() => {
    const fresh = draftOf(candidate);
    setDraft((d) => {
      const next = { ...fresh };
      for (const k of editing.current) (next as Record<string, unknown>)[k] = d[k];
      return next;
    });
  }, [candidate]);

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    editing.current.add(key);
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved('idle');
  };

  const [statusNote, setStatusNote] = useState('');
  const save = async (patch: CandidatePatch) => {
    const keys = (Object.keys(patch) as (keyof CandidatePatch)[]).filter((k): k is keyof Draft => k !== 'statusNote');
    if (keys.every((k) => JSON.stringify(patch[k as keyof CandidatePatch]) === JSON.stringify(candidate[k]))) {
      keys.forEach((k) => editing.current.delete(k));
      return;
    }
    if (!socket) return setError({ code: 'OFFLINE' });
    setSaved('saving');
    const r = await request(socket, C.candidateUpdate, { id: candidate.id, patch });
    if (r.ok) {
      keys.forEach((k) => editing.current.delete(k));
      setSaved('saved');
      setError(null);
      if (patch.statusNote !== undefined) setStatusNote('');
      onSaved?.(r.data.candidate);
    } else {
      setSaved('idle');
      setError(r.error);
    }
  };
  const text = (key: 'title' | 'besoin' | 'ressources' | 'porteur' | 'nextSteps' | 'modeleEconomique') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => change(key, e.target.value),
    onBlur: () => void save({ [key]: key === 'title' ? draft.title.trim() || candidate.title : draft[key] }),
    'data-testid': `candidate-${key === 'nextSteps' ? 'next-steps' : key === 'modeleEconomique' ? 'modele' : key}`,
  });
  const saveRows = (rows: Stakeholder[]) => void save({ stakeholders: rows.filter((r) => r.partie.trim()) });
  const ideas = candidate.ideaIds.map((id) => ideaText?.(id)).filter((x): x is string => !!x);

  return (
    <article className="candidate-card stack" data-testid="candidate-card" data-candidate-id={candidate.id} aria-label={t('votes.candidates.card')}>
      <div className="candidate-head">
        <label className="field grow">
          {t('votes.candidates.title')}
          <input {...text('title')} maxLength={120} />
        </label>
        <span className="save-state" aria-live="polite">
          {saved === 'saving' && t('votes.candidates.saving')}
          {saved === 'saved' && <span data-testid="candidate-saved">✓ {t('votes.candidates.saved')}</span>}
        </span>
      </div>
      <ErrorMessage error={error} />
      <label className="field">
        {t('votes.candidates.status')}
        <select
          data-testid="candidate-status"
          value={draft.status}
          onChange={(e) => {
            const status = e.target.value as Draft['status'];
            change('status', status);
            void save(statusNote.trim() ? { status, statusNote: statusNote.trim() } : { status });
          }}
        >
          <StatusOptions />
        </select>
      </label>
      <label className="field">
        {t('exports.followUp.statusNote')}
        <input maxLength={500} value={statusNote} onChange={(e) => setStatusNote(e.target.value)} data-testid="candidate-status-note" />
      </label>
      <label className="field">
        {t('votes.candidates.besoin')}
        <textarea rows={3} maxLength={2000} {...text('besoin')} />
      </label>
      <label className="field">
        {t('votes.candidates.ressources')}
        <textarea rows={3} maxLength={2000} {...text('ressources')} />
      </label>
      <StakeholderTable rows={draft.stakeholders} onChange={(rows) => change('stakeholders', rows)} onCommit={saveRows} />
      <label className="field">
        {t('votes.candidates.porteur')}
        <input maxLength={200} {...text('porteur')} />
      </label>
      <label className="field">
        {t('exports.followUp.modeleEconomique')}
        <textarea rows={3} maxLength={2000} {...text('modeleEconomique')} aria-describedby={`modele-hint-${candidate.id}`} />
        <span className="hint" id={`modele-hint-${candidate.id}`}>{t('exports.followUp.modeleHint')}</span>
      </label>
      <label className="field">
        {t('votes.candidates.nextSteps')}
        <textarea rows={3} maxLength={2000} {...text('nextSteps')} />
      </label>
      <StepsEditor steps={draft.steps} onChange={(steps) => change('steps', steps)} onCommit={(steps) => void save({ steps: steps.filter((x) => x.text.trim()) })} />
      <StatusHistory history={candidate.history} />
      <dl className="candidate-facts">
        <dt>{t('votes.candidates.votes')}</dt>
        <dd>
          {candidate.votes.rank === null
            ? t('votes.candidates.notVoted')
            : t('votes.candidates.votesValue', { count: candidate.votes.dots, rank: rankText(t, candidate.votes.rank) })}
        </dd>
        {ideas.length > 0 && (
          <>
            <dt>{t('votes.candidates.ideas')}</dt>
            <dd>
              <ul>
                {ideas.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
