import { useMemo, type ReactNode } from 'react';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { appointmentMethods, employments, titles, type Position, type PositionCreate } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { enumOptions } from '../../lib/enumOptions';
import { PersonSelect } from '../people/PersonSelect';
import { useCreatePosition, useUpdatePosition } from './usePositions';

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
 * Add a position, or correct one (`position`). On a unit's page the unit is fixed and the cadre is
 * picked; on a cadre's page the cadre is fixed and the unit is picked with `unitPicker` (the unit
 * tree select of features/units). A position keeps its cadre and unit: to move someone, end the
 * position and add another.
 */
export function PositionFormModal({
  open,
  onClose,
  personId,
  unitId,
  unitPicker,
  position,
}: {
  open: boolean;
  onClose: () => void;
  personId?: number;
  unitId?: number;
  unitPicker?: ReactNode;
  /** The position to correct; null while the edit form is closed, left out for the add form. */
  position?: Position | null;
}) {
  const { t } = useTranslation('positions');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePosition();
  const update = useUpdatePosition();

  const initialValues = useMemo<Values>(
    () =>
      position
        ? {
            personId: position.personId,
            unitId: position.unitId,
            title: position.title,
            employment: position.employment,
            method: position.method,
            term: position.term ?? '',
            decision: position.decision ?? '',
            startDate: dayjs(position.startDate),
            endDate: position.endDate ? dayjs(position.endDate) : null,
          }
        : { personId, unitId, employment: 'part_time', method: 'elected', startDate: dayjs() },
    [position, personId, unitId],
  );

  const submit = async (v: Values) => {
    const fields = {
      title: v.title!,
      employment: v.employment!,
      method: v.method!,
      term: v.term || null,
      decision: v.decision || null,
      startDate: toIsoDate(v.startDate)!,
      endDate: toIsoDate(v.endDate),
    };
    if (position) {
      // the version the form was opened on: a change by someone else meanwhile is refused (409)
      await update.mutateAsync({ id: position.id, version: position.version, ...fields });
      message.success(t('common:saved'));
    } else {
      await create.mutateAsync({ personId: v.personId!, unitId: v.unitId!, ...fields });
      message.success(t('added'));
    }
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('required', { field: field.toLowerCase() }) }];
  return (
    <FormModal<Values>
      open={open}
      title={position ? t('editTitle') : t('addTitle')}
      // the add and the edit form share a page, both kept mounted: their fields need distinct ids
      name={position === undefined ? 'positionAdd' : 'positionEdit'}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending || update.isPending}
      onClose={onClose}
    >
      {position && (
        <Typography.Paragraph>
          <Typography.Text strong>{position.personName}</Typography.Text> – {position.unitName}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="personId"
        label={t('person')}
        rules={required(t('person'))}
        hidden={!!position || personId !== undefined}
      >
        <PersonSelect />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('unit')}
        rules={required(t('unit'))}
        hidden={!!position || unitId !== undefined}
      >
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
    </FormModal>
  );
}
