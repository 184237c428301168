import { useEffect, type ReactNode } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { appointmentMethods, employments, titles, type PositionCreate } from '@canbo/contract';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { errorMessage, showFieldErrors } from '../../lib/errors';
import { enumOptions } from '../people/enumOptions';
import { PersonSelect } from '../people/PersonSelect';
import { useCreatePosition } from './usePositions';

interface Values {
  personId?: number;
  unitId?: number;
  title?: PositionCreate['title'];
  employment?: PositionCreate['employment'];
  method?: PositionCreate['method'];
  term?: string;
  decision?: string;
  startDate?: Dayjs;
  endDate?: Dayjs | null;
}

/**
 * Add a position. On a unit's page the unit is fixed and the cadre is picked; on a cadre's page the
 * cadre is fixed and the unit is picked with `unitPicker` (the unit tree select of features/units).
 */
export function PositionFormModal({
  open,
  onClose,
  personId,
  unitId,
  unitPicker,
}: {
  open: boolean;
  onClose: () => void;
  personId?: number;
  unitId?: number;
  unitPicker?: ReactNode;
}) {
  const { t } = useTranslation('positions');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePosition();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ personId, unitId, employment: 'part_time', method: 'elected', startDate: dayjs() });
    }
  }, [open, form, personId, unitId]);

  const submit = async (v: Values) => {
    try {
      await create.mutateAsync({
        personId: v.personId!,
        unitId: v.unitId!,
        title: v.title!,
        employment: v.employment!,
        method: v.method!,
        term: v.term || null,
        decision: v.decision || null,
        startDate: toIsoDate(v.startDate)!,
        endDate: toIsoDate(v.endDate),
      });
      message.success(t('added'));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };

  const required = (field: string) => [{ required: true, message: t('required', { field: field.toLowerCase() }) }];
  return (
    <Modal
      open={open}
      title={t('addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="personId" label={t('person')} rules={required(t('person'))} hidden={personId !== undefined}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={required(t('unit'))} hidden={unitId !== undefined}>
          {unitPicker ?? <Input disabled />}
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={required(t('title'))}>
          <Select options={enumOptions(t, 'title', titles)} />
        </Form.Item>
        <Form.Item name="employment" label={t('employment')} rules={required(t('employment'))}>
          <Select options={enumOptions(t, 'employment', employments)} />
        </Form.Item>
        <Form.Item name="method" label={t('method')} rules={required(t('method'))}>
          <Select options={enumOptions(t, 'method', appointmentMethods)} />
        </Form.Item>
        <Form.Item name="term" label={t('term')} extra={t('termHint')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="decision" label={t('decision')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="startDate" label={t('startDate')} rules={required(t('startDate'))}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t('endDate')}
          dependencies={['startDate']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null | undefined) => {
                const start = getFieldValue('startDate') as Dayjs | undefined;
                return v && start && v.isBefore(start, 'day')
                  ? Promise.reject(new Error(t('endBeforeStart')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
