import { useTranslation } from 'react-i18next';
import { errorText, type ClientError } from '../sync/errors';

/** Every failure the user must know about goes through here: visible, translated, announced. */
export function ErrorMessage({ error, text, id }: { error?: ClientError | null; text?: string | null; id?: string }) {
  const { t } = useTranslation();
  const message = text ?? (error ? errorText(t, error) : null);
  if (!message) return null;
  return (
    <p className="error" role="alert" data-testid="error-message" id={id}>
      {message}
    </p>
  );
}
