import { useMemo } from 'react';
import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { outcomes, type Enrolment, type Outcome } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { errorMessage } from '../../../lib/errors';
import { labelOptions } from '../labels';
import { useOverrideOutcome } from './api';

interface Values {
  outcome: Outcome;
  reason: string;
}

/**
 * Staff decide a trainee's outcome against the completion rule, always with a reason; or hand the
 * decision back to the rule.
 */
export function OverrideModal({ enrolment, onClose }: { enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const override = useOverrideOutcome();
  const initialValues = useMemo(
    () =>
      enrolment?.outcomeOverridden
        ? { outcome: enrolment.outcome ?? undefined, reason: enrolment.overrideReason ?? '' }
        : { outcome: enrolment?.outcome === 'completed' ? ('not_completed' as const) : ('completed' as const) },
    [enrolment],
  );

  const clear = () => {
    if (!enrolment) return;
    override.mutate(
      { e: enrolment, outcome: null, reason: null },
      {
        onSuccess: () => {
          void message.success(t('override.cleared'));
          onClose();
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  return (
    <FormModal<Values>
      open={!!enrolment}
      name="override"
      title={t('override.title', { name: enrolment?.personName ?? '' })}
      form={form}
      initialValues={initialValues}
      pending={override.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!enrolment) return;
        await override.mutateAsync({ e: enrolment, outcome: v.outcome, reason: v.reason.trim() });
        void message.success(t('override.saved'));
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('override.intro')}</Typography.Paragraph>
      <Form.Item
        name="outcome"
        label={t('results.outcome')}
        rules={[{ required: true, message: t('override.outcomeRequired') }]}
      >
        <Radio.Group options={labelOptions(t, 'outcome', outcomes)} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('override.reason')}
        rules={[
          { required: true, whitespace: true, message: t('override.reasonRequired') },
          { max: 500, message: t('override.reasonTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {enrolment?.outcomeOverridden && (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={clear}
          loading={override.isPending}
          data-testid="override-clear"
        >
          {t('override.clear')}
        </Button>
      )}
    </FormModal>
  );
}
