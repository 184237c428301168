import { App, Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { useRevokeCertificate } from './api';

/** Revoking is final: the public page shows it at once. A reason is required. */
export function RevokeModal({ certificate, onClose }: { certificate: Certificate | null; onClose: () => void }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeCertificate();
  return (
    <FormModal<{ reason: string }>
      open={!!certificate}
      name="revoke"
      title={t('certificates.revokeTitle', { number: certificate?.number ?? '' })}
      form={form}
      pending={revoke.isPending}
      onClose={onClose}
      okText={t('certificates.revoke')}
      danger
      onSubmit={async (v) => {
        if (!certificate) return;
        await revoke.mutateAsync({ c: certificate, reason: v.reason.trim() });
        void message.success(t('certificates.revoked', { number: certificate.number }));
        onClose();
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('certificates.revokeWarning', { name: certificate?.personName ?? '' })}
      />
      <Form.Item
        name="reason"
        label={t('certificates.revokeReason')}
        rules={[
          { required: true, whitespace: true, message: t('override.reasonRequired') },
          { max: 500, message: t('override.reasonTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
