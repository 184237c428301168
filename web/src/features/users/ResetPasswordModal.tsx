import { useEffect } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@canbo/contract';
import { errorMessage, showFieldErrors } from '../../lib/errors';
import { useResetPassword } from './api';

export function ResetPasswordModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; passwordConfirm: string }>();
  const reset = useResetPassword(user.id);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (v: { password: string }) => {
    try {
      await reset.mutateAsync(v.password);
      message.success(t('passwordReset'));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('resetPasswordTitle', { login: user.login })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:action.cancel')}
      confirmLoading={reset.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('resetPasswordNote')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
        <Form.Item
          name="password"
          label={t('password')}
          extra={t('passwordHint')}
          rules={[
            { required: true, message: t('required', { field: t('password').toLowerCase() }) },
            { min: 10, message: t('passwordHint') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('passwordConfirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('required', { field: t('passwordConfirm').toLowerCase() }) },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
