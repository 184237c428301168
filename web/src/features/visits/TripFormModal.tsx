import { useMemo } from 'react';
import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { useCreateTrip } from './api';

interface Values {
  startDate?: Dayjs;
  endDate?: Dayjs;
  purpose?: string;
}

/** Log a trip of the cadre's to the host unit they registered with. */
export function TripFormModal({
  open,
  onClose,
  personId,
  hostUnitId,
}: {
  open: boolean;
  onClose: () => void;
  personId: number;
  hostUnitId: number;
}) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTrip();
  const initialValues = useMemo<Values>(() => ({ startDate: dayjs(), endDate: dayjs() }), []);
  const required = (field: string) => [{ required: true, message: t('required', { field: field.toLowerCase() }) }];

  const submit = async (v: Values) => {
    await create.mutateAsync({
      personId,
      hostUnitId,
      startDate: toIsoDate(v.startDate)!,
      endDate: toIsoDate(v.endDate)!,
      purpose: v.purpose!,
    });
    message.success(t('tripLogged'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('logTrip')}
      name="visitTrip"
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending}
      onClose={onClose}
    >
      <Form.Item name="startDate" label={t('startDate')} rules={required(t('startDate'))}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly={false} />
      </Form.Item>
      <Form.Item name="endDate" label={t('endDate')} rules={required(t('endDate'))}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly={false} />
      </Form.Item>
      <Form.Item name="purpose" label={t('purpose')} rules={required(t('purpose'))}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
