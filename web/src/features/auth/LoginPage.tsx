import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, theme } from 'antd';
import './login.css';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { backTo } from './backTo';
import { loginRoute } from './loginRoute';

type FieldName = 'login' | 'password';

/** A labelled field with its message below, laid out as antd's vertical form items. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: token.marginLG }}>
      <label htmlFor={id} style={{ display: 'block', paddingBottom: token.paddingXS, color: token.colorTextHeading }}>
        {label}
      </label>
      {children}
      {error && (
        <div id={`${id}-error`} role="alert" style={{ color: token.colorError, paddingTop: 2 }}>
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The sign-in page. It stands alone — no router, query cache, contract schemas, nor antd's Form,
 * Input and Card, which with their tooltips, tabs and form engine would double what a phone downloads
 * before it can sign in (`LoginApp`, the page a visitor loads first). Once signed in it opens the app at the
 * address noted in `?redirect=` as a new page load: the app starts with the session, its files
 * fetched in parallel (or taken from the cache when the session ended inside the app).
 */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { token } = theme.useToken();
  const [values, setValues] = useState<Record<FieldName, string>>({ login: '', password: '' });
  const [missing, setMissing] = useState<FieldName[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const change = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (value) setMissing((m) => m.filter((n) => n !== name));
  };
  const required = (name: FieldName) =>
    missing.includes(name) ? t('required', { field: t(name).toLowerCase() }) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = (['login', 'password'] as const).filter((name) => !values[name]);
    setMissing(empty);
    if (empty.length) return;
    setPending(true);
    setError(null);
    try {
      await call(loginRoute, { body: values });
      location.assign(backTo(new URLSearchParams(location.search).get('redirect'), location.origin));
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f0f4fa' }}>
      <main
        style={{
          // the inputs' colours (login.css), from the theme
          ['--canbo-primary' as string]: token.colorPrimary,
          ['--canbo-border' as string]: token.colorBorder,
          ['--canbo-error' as string]: token.colorError,
          ['--canbo-radius' as string]: `${token.borderRadius}px`,
          // padding and border inside the width: a phone's screen is the width, not less than it
          boxSizing: 'border-box',
          width: '100%',
          maxWidth: 380,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
          <h1
            style={{
              margin: '0 0 8px',
              fontSize: token.fontSizeHeading3,
              fontWeight: 600,
              color: token.colorTextHeading,
            }}
          >
            {t('common:appName')}
          </h1>
          <LanguageSwitch />
        </div>
        <p style={{ margin: '0 0 16px', color: token.colorTextSecondary }}>{t('common:appTagline')}</p>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {(['login', 'password'] as const).map((name) => (
            <Field key={name} id={name} label={t(name)} error={required(name)}>
              <input
                id={name}
                className="canbo-login-input"
                type={name === 'password' ? 'password' : 'text'}
                autoComplete={name === 'password' ? 'current-password' : 'username'}
                autoFocus={name === 'login'}
                value={values[name]}
                onChange={(e) => change(name, e.target.value)}
                aria-invalid={!!required(name)}
                aria-describedby={required(name) && `${name}-error`}
              />
            </Field>
          ))}
          <Button type="primary" htmlType="submit" block loading={pending}>
            {t('submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
