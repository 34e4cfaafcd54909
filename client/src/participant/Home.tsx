import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, JOIN_CODE_LENGTH, normalizeJoinCode, type JoinInfoResult } from '@semis/shared';
import { Link, navigate } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { http } from '../sync/http';
import { handJoinInfo } from '../sync/joinInfo';
import { shellValue } from '../shell';
import type { ClientError } from '../sync/errors';

export function Home() {
  const { t } = useTranslation();
  // Whatever was typed into the app shell before the script arrived is kept.
  const [code, setCode] = useState(() => normalizeJoinCode(shellValue('code')).slice(0, JOIN_CODE_LENGTH));
  const [error, setError] = useState<ClientError | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const normalized = normalizeJoinCode(code);
    setError(null);
    if (!/^[A-Z0-9]{6}$/.test(normalized)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    // Checked here so a mistyped code is corrected on this screen, not after a page change.
    const res = await http<JoinInfoResult>(API.join(normalized));
    setBusy(false);
    if (res.ok) {
      handJoinInfo(normalized, res);
      navigate(`/j/${normalized}`);
    }
    else setError(res.error);
  };

  return (
    <Page>
      <p className="tagline">{t('app.tagline')}</p>
      <form className="card stack" onSubmit={submit} noValidate>
        <h1>{t('home.joinTitle')}</h1>
        <label htmlFor="code">{t('home.codeLabel')}</label>
        <input
          id="code"
          className="code-input"
          data-testid="code-input"
          value={code}
          onChange={(e) => setCode(normalizeJoinCode(e.target.value).slice(0, JOIN_CODE_LENGTH))}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          maxLength={JOIN_CODE_LENGTH + 2}
          placeholder={t('home.codePlaceholder')}
          aria-describedby="code-hint"
          aria-invalid={invalid || undefined}
        />
        <span id="code-hint" className="hint">
          {t('home.codeHint')}
        </span>
        {invalid && <ErrorMessage text={t('home.codeInvalid')} />}
        <ErrorMessage error={error} />
        <button type="submit" className="primary big" data-testid="code-submit" disabled={busy}>
          {t('home.codeSubmit')}
        </button>
      </form>
      <section className="facilitator-cta">
        <p>{t('home.facilitators')}</p>
        <Link href="/creer" className="button secondary">
          {t('home.createLink')}
        </Link>
      </section>
    </Page>
  );
}
