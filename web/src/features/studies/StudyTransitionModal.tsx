import { useMemo } from 'react';
import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { diplomaGrades, type DiplomaGrade, type Study, type StudyAction } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { enumOptions } from '../../lib/enumOptions';
import { useTransitionStudy } from './api';

interface Values {
  endDate?: Dayjs;
  expectedEndDate?: Dayjs;
  diplomaNumber?: string;
  diplomaGrade?: DiplomaGrade;
  reason?: string;
}

/** One workflow step, confirmed in a form that asks for what the step needs and names the cadre. */
export function StudyTransitionModal({
  study,
  action,
  onClose,
}: {
  study: Study | null;
  action: StudyAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('studies');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useTransitionStudy();
  const open = study !== null && action !== null;

  const initialValues = useMemo<Values>(
    () => (study ? { endDate: dayjs(), expectedEndDate: dayjs(study.expectedEndDate).add(6, 'month') } : {}),
    [study],
  );

  const submit = async (v: Values) => {
    if (!study || !action) return;
    const version = study.version;
    const body =
      action === 'graduate'
        ? {
            action,
            version,
            endDate: toIsoDate(v.endDate)!,
            diplomaNumber: v.diplomaNumber ?? '',
            diplomaGrade: v.diplomaGrade!,
          }
        : action === 'withdraw'
          ? { action, version, endDate: toIsoDate(v.endDate)!, reason: v.reason ?? '' }
          : { action, version, expectedEndDate: toIsoDate(v.expectedEndDate)!, reason: v.reason ?? '' };
    await transition.mutateAsync({ id: study.id, body });
    message.success(t('confirm.done'));
    onClose();
  };

  const f = (name: string) => t(`field.${name}`);
  const required = (name: string) => [{ required: true, message: t('required', { field: f(name).toLowerCase() }) }];
  return (
    <FormModal<Values>
      open={open}
      title={action && study ? t(`confirm.${action}`, { name: study.personName }) : ''}
      name="studyStep"
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={transition.isPending}
      onClose={onClose}
      okText={action ? t(`step.${action}`) : undefined}
      danger={action === 'withdraw'}
    >
      {action === 'graduate' && (
        <>
          <Alert type="info" showIcon title={t('confirm.levelRaised')} style={{ marginBottom: 12 }} />
          <Form.Item name="diplomaNumber" label={f('diplomaNumber')} rules={required('diplomaNumber')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="diplomaGrade" label={f('diplomaGrade')} rules={required('diplomaGrade')}>
            <Select options={enumOptions(t, 'diplomaGrade', diplomaGrades)} />
          </Form.Item>
        </>
      )}
      {action !== 'extend' ? (
        <Form.Item name="endDate" label={f('endDate')} rules={required('endDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="expectedEndDate" label={f('expectedEndDate')} rules={required('expectedEndDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action !== 'graduate' && (
        <Form.Item name="reason" label={f('reason')} rules={required('reason')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
