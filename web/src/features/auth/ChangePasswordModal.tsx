import { App, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes } from '@canbo/contract';
import { call, ApiError } from '../../api/client';
import { FormModal } from '../../app/FormModal';
import { NewPasswordFields } from '../users/NewPasswordFields';

interface Values {
  currentPassword: string;
  password: string;
  passwordConfirm: string;
}

/** The signed-in user changes their own password, proving it with the current one. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) =>
      call(routes.auth.password, { body: { currentPassword: v.currentPassword, password: v.password } }),
  });

  const submit = async (v: Values) => {
    try {
      await change.mutateAsync(v);
    } catch (err) {
      // Too many tries names no field, but it is the current password being guessed: say the wait there.
      if (err instanceof ApiError && err.status === 429) {
        form.setFields([{ name: 'currentPassword', errors: [err.message] }]);
        return;
      }
      throw err;
    }
    message.success(t('passwordChanged'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="changePassword"
      title={t('changePassword')}
      form={form}
      onSubmit={submit}
      pending={change.isPending}
      onClose={onClose}
      okText={t('changePassword')}
    >
      <Form.Item
        name="currentPassword"
        label={t('currentPassword')}
        rules={[{ required: true, message: t('required', { field: t('currentPassword').toLowerCase() }) }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields replacing />
    </FormModal>
  );
}
