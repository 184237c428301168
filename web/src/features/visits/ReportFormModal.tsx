import { useMemo } from 'react';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitTrip } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { useFileReport } from './api';

interface Values {
  reportText?: string;
}

/** File (or correct) the short results report of a finished trip. */
export function ReportFormModal({ trip, onClose }: { trip: VisitTrip | null; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileReport();
  const initialValues = useMemo<Values>(() => ({ reportText: trip?.reportText ?? '' }), [trip]);

  const submit = async (v: Values) => {
    // the version the form was opened on: a change by someone else meanwhile is refused (409)
    await file.mutateAsync({ id: trip!.id, version: trip!.version, reportText: v.reportText! });
    message.success(t('reportFiled'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={trip !== null}
      title={t('fileReport')}
      name="visitReport"
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={file.isPending}
      onClose={onClose}
    >
      <Form.Item
        name="reportText"
        label={t('reportText')}
        rules={[{ required: true, message: t('required', { field: t('reportText').toLowerCase() }) }]}
      >
        <Input.TextArea rows={6} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}
