import { useMemo } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { moveKinds, type Move, type MoveKind } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { enumOptions } from '../../../lib/enumOptions';
import { UnitSelect } from '../../units/UnitSelect';
import { useCreateMove, useUpdateMove } from './useMoves';

interface Values {
  moveKind?: MoveKind;
  fromUnitId?: number;
  toUnitId?: number;
  moveDate?: Dayjs;
  decision?: string;
  decisionDate?: Dayjs | null;
  notes?: string;
}

/**
 * Record a move of the cadre (`move` left out), or correct one. The server checks the chain (each
 * move leaves the unit the one before reached) and puts its refusal on the field it names.
 */
export function MoveFormModal({
  open,
  onClose,
  personId,
  unitToday,
  move,
}: {
  open: boolean;
  onClose: () => void;
  personId: number;
  /** The unit keeping the record: a new move most often leaves it. */
  unitToday: number;
  /** The move to correct; null while the edit form is closed, left out for the add form. */
  move?: Move | null;
}) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMove(personId);
  const update = useUpdateMove(personId);

  const initialValues = useMemo<Values>(
    () =>
      move
        ? {
            moveKind: move.moveKind,
            fromUnitId: move.fromUnitId,
            toUnitId: move.toUnitId,
            moveDate: dayjs(move.moveDate),
            decision: move.decision ?? '',
            decisionDate: move.decisionDate ? dayjs(move.decisionDate) : null,
            notes: move.notes ?? '',
          }
        : { moveKind: 'transfer', fromUnitId: unitToday, moveDate: dayjs() },
    [move, unitToday],
  );

  const submit = async (v: Values) => {
    const body = {
      moveKind: v.moveKind!,
      fromUnitId: v.fromUnitId!,
      toUnitId: v.toUnitId!,
      moveDate: toIsoDate(v.moveDate)!,
      decision: v.decision || null,
      decisionDate: toIsoDate(v.decisionDate),
      notes: v.notes || null,
    };
    if (move) {
      // the version the form was opened on: a change by someone else meanwhile is refused (409)
      await update.mutateAsync({ moveId: move.id, version: move.version, ...body });
      message.success(t('common:saved'));
    } else {
      await create.mutateAsync(body);
      message.success(t('moves.added'));
    }
    onClose();
  };

  const required = (field: string) => [
    { required: true, message: t('moves.required', { field: field.toLowerCase() }) },
  ];
  return (
    <FormModal<Values>
      open={open}
      title={move ? t('moves.editTitle') : t('moves.addTitle')}
      // the add and the edit form share a page, both kept mounted: their fields need distinct ids
      name={move === undefined ? 'moveAdd' : 'moveEdit'}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending || update.isPending}
      onClose={onClose}
    >
      <Form.Item name="moveKind" label={t('field.moveKind')} rules={required(t('field.moveKind'))}>
        <Select options={enumOptions(t, 'moveKind', moveKinds)} />
      </Form.Item>
      <Form.Item name="fromUnitId" label={t('field.fromUnitId')} rules={required(t('field.fromUnitId'))}>
        <UnitSelect allowClear={false} />
      </Form.Item>
      <Form.Item name="toUnitId" label={t('field.toUnitId')} rules={required(t('field.toUnitId'))}>
        <UnitSelect allowClear={false} />
      </Form.Item>
      <Form.Item name="moveDate" label={t('field.moveDate')} rules={required(t('field.moveDate'))}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="decision" label={t('field.decision')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="decisionDate" label={t('moves.decisionDate')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="notes" label={t('field.notes')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
