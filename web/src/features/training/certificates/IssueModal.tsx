import { useMemo } from 'react';
import { App, DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { useIssueCertificates } from './api';

interface IssueValues {
  issuedAt: Dayjs | null;
}

/**
 * Issuing numbered certificates to the completed trainees who have none (`count` of them), dated
 * today or, when issued late, on the day chosen: the server refuses a day ahead of today or before
 * the class ended, and its message lands on the date field.
 */
export function IssueModal({
  classId,
  count,
  onClose,
}: {
  classId: number;
  count: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueCertificates(classId);
  const initialValues = useMemo<IssueValues>(() => ({ issuedAt: null }), []);
  return (
    <FormModal<IssueValues>
      open={count !== null}
      name="issue"
      title={t('certificates.issueTitle')}
      form={form}
      initialValues={initialValues}
      pending={issue.isPending}
      onClose={onClose}
      okText={t('certificates.issue')}
      onSubmit={async (v) => {
        const res = await issue.mutateAsync(toIsoDate(v.issuedAt));
        void message.success(t('certificates.issued', { count: res.issued.length }));
        onClose();
      }}
    >
      <Typography.Paragraph>{t('certificates.issueConfirm', { count: count ?? 0 })}</Typography.Paragraph>
      <Form.Item name="issuedAt" label={t('certificates.issueDate')} extra={t('certificates.issueDateHelp')}>
        <DatePicker format={DATE_FORMAT} placeholder={t('certificates.issueDateToday')} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
