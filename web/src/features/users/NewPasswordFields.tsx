import { Col, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordConfirmRules, passwordRules } from './passwordRules';

/**
 * A new password and the same typed again (checked here, before anything is sent): the one pair
 * of fields for creating an account, resetting someone's password and changing one's own.
 * `half` lays them out side by side on a wide form (each in a Col of a Row); `replacing` says
 * "new password" where an old one exists (a reset, one's own change).
 */
export function NewPasswordFields({ half = false, replacing = false }: { half?: boolean; replacing?: boolean }) {
  const { t } = useTranslation('users');
  const password = (
    <Form.Item
      name="password"
      label={t(replacing ? 'newPassword' : 'password')}
      extra={t('passwordHint')}
      rules={passwordRules(t)}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
  const confirm = (
    <Form.Item
      name="passwordConfirm"
      label={t('passwordConfirm')}
      dependencies={['password']}
      rules={passwordConfirmRules(t)}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
  if (!half) {
    return (
      <>
        {password}
        {confirm}
      </>
    );
  }
  return (
    <>
      <Col xs={24} sm={12}>
        {password}
      </Col>
      <Col xs={24} sm={12}>
        {confirm}
      </Col>
    </>
  );
}
