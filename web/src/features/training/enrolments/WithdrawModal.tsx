import { useMemo } from 'react';
import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { requiredRule } from '../labels';
import { useWithdraw } from './api';

interface Values {
  reason: string;
}

/**
 * Withdraw a trainee (a reason is required). The seat freed goes to the first on the waitlist of the
 * same seats; the user is told who, since that person must now be summoned.
 */
export function WithdrawModal({ enrolment, onClose }: { enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation('training');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const withdraw = useWithdraw();
  const initialValues = useMemo<Values>(() => ({ reason: '' }), []);

  const submit = async (v: Values) => {
    const r = await withdraw.mutateAsync({ enrolment: enrolment!, reason: v.reason.trim() });
    onClose();
    if (r.promoted) {
      modal.info({
        title: t('withdraw.promotedTitle'),
        content: t('withdraw.promoted', { name: r.promoted.personName, unit: r.promoted.unitName }),
      });
    } else {
      void message.success(t('withdraw.done', { name: r.withdrawn.personName }));
    }
  };

  return (
    <FormModal<Values>
      open={enrolment !== null}
      name="withdraw"
      title={t('withdraw.title')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={withdraw.isPending}
      onClose={onClose}
      okText={t('withdraw.ok')}
      danger
    >
      {enrolment && (
        <Typography.Paragraph>
          <Typography.Text strong>{enrolment.personName}</Typography.Text> – {enrolment.unitName}
        </Typography.Paragraph>
      )}
      <Form.Item name="reason" label={t('field.reason')} rules={requiredRule(t, t('field.reason'))}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
