import { useTranslation } from 'react-i18next';
import type { CandidateStep } from '@semis/shared';

interface Props {
  steps: CandidateStep[];
  onChange: (steps: CandidateStep[]) => void;
  /** Leaving a field, ticking, adding or removing: time to save. */
  onCommit: (steps: CandidateStep[]) => void;
}

/** Next steps with their due dates, ticked when done: the card's to-do list over the months. */
export function StepsEditor({ steps, onChange, onCommit }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<CandidateStep>) => steps.map((s, j) => (j === i ? { ...s, ...change } : s));
  return (
    <fieldset className="steps" data-testid="candidate-steps">
      <legend>{t('exports.followUp.steps')}</legend>
      <ul>
        {steps.map((step, i) => (
          <li key={i} className="step-row" data-testid="step-row">
            <input type="checkbox" checked={step.done} aria-label={`${t('exports.followUp.stepDone')} — ${step.text}`}
              onChange={(e) => { const next = set(i, { done: e.target.checked }); onChange(next); onCommit(next); }} />
            <input className="grow" value={step.text} maxLength={300} aria-label={t('exports.followUp.stepText')} placeholder={t('exports.followUp.stepText')}
              onChange={(e) => onChange(set(i, { text: e.target.value }))} onBlur={() => onCommit(steps)} />
            <input type="date" value={step.due ?? ''} aria-label={`${t('exports.followUp.stepDue')} — ${step.text}`}
              onChange={(e) => { const next = set(i, { due: e.target.value || null }); onChange(next); onCommit(next); }} />
            <button type="button" className="link danger" aria-label={t('exports.followUp.removeStep', { text: step.text })}
              onClick={() => { const next = steps.filter((_, j) => j !== i); onChange(next); onCommit(next); }}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary small" data-testid="step-add" onClick={() => onChange([...steps, { text: '', due: null, done: false }])}>
        + {t('exports.followUp.addStep')}
      </button>
    </fieldset>
  );
}
