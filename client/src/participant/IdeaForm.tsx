import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_MAX, visibleLength } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import type { Outcome } from '../sync/useParticipantSession';

/** Same count as the server's schema (shared/src/domain/text.ts): characters as people see them. */
export const ideaLength = visibleLength;

/** idle: nothing sent yet; pending: waiting in the outbox for the network; sent: acknowledged. */
export type SendState = 'idle' | 'pending' | 'sent';

export function IdeaForm({ onPost, sent }: { onPost: (text: string) => Outcome; sent: SendState }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const n = ideaLength(text);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const r = onPost(text);
    if (r.ok) {
      setText('');
      setError(null);
      ref.current?.focus();
    } else setError(r.error);
  };
  // Enter is a newline on phones; Ctrl/Cmd+Enter sends for people on a keyboard.
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  };

  return (
    <form className="card stack idea-form" onSubmit={submit} noValidate>
      <label htmlFor="idea">{t('participant.ideaLabel')}</label>
      <textarea
        id="idea"
        ref={ref}
        data-testid="idea-input"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        placeholder={t('participant.ideaPlaceholder')}
        aria-describedby="idea-counter"
        aria-invalid={n > IDEA_MAX || undefined}
      />
      <div className="form-foot">
        <span id="idea-counter" className={n > IDEA_MAX ? 'counter over' : 'counter'}>
          {t('participant.counter', { n, max: IDEA_MAX })}
        </span>
        <button type="submit" className="primary big" data-testid="idea-submit">
          {t('participant.send')}
        </button>
      </div>
      <p className={`send-state send-${sent}`} role="status" data-testid="send-state" data-state={sent}>
        {sent === 'sent' && !text && t('participant.sent')}
        {sent === 'pending' && t('participant.sending')}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}
