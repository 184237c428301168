import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { useResetPassword } from './api';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  password: string;
  passwordConfirm: string;
}

export function ResetPasswordModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword(user.id);

  const submit = async (v: Values) => {
    await reset.mutateAsync(v.password);
    message.success(t('passwordReset'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('resetPasswordTitle', { login: user.login })}
      form={form}
      onSubmit={submit}
      pending={reset.isPending}
      onClose={onClose}
      okText={t('resetPassword')}
      danger
    >
      <Typography.Paragraph type="secondary">{t('resetPasswordNote')}</Typography.Paragraph>
      <NewPasswordFields replacing />
    </FormModal>
  );
}
