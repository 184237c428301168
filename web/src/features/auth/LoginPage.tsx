import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { routes, type BodyIn } from '@canbo/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useSetMe } from './useMe';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** Where to go after signing in: a path of this app only (never another site). */
function backTo(redirect: unknown): string {
  const ok = typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//');
  return ok && !redirect.startsWith('/login') ? redirect : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const setMe = useSetMe();
  const navigate = useNavigate();
  const search: { redirect?: unknown } = useSearch({ strict: false });
  const mutation = useMutation({
    mutationFn: (body: BodyIn<typeof routes.auth.login>) => call(routes.auth.login, { body }),
    onSuccess: (me) => {
      setMe(me);
      void navigate({ href: backTo(search.redirect) });
    },
  });
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f0f4fa' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('common:appName')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('common:appTagline')}</Typography.Paragraph>
        {mutation.error && (
          <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
        )}
        <Form
          layout="vertical"
          onFinish={(v: { login: string; password: string }) => mutation.mutate(v)}
          requiredMark={false}
        >
          <Form.Item
            label={t('login')}
            name="login"
            rules={[{ required: true, message: t('required', { field: t('login').toLowerCase() }) }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('password')}
            name="password"
            rules={[{ required: true, message: t('required', { field: t('password').toLowerCase() }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
