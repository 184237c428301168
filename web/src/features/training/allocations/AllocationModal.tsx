import { useMemo } from 'react';
import { App, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Allocation, TrainingClass } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { UnitSelect } from '../../units/UnitSelect';
import { requiredRule } from '../labels';
import { useSaveAllocation } from './api';

interface Values {
  unitId: number | null;
  seats: number | null;
}

/** Give a unit seats in the class (chỉ tiêu), or change how many it has. */
export function AllocationModal({
  cls,
  allocation,
  open,
  onClose,
}: {
  cls: TrainingClass;
  allocation: Allocation | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveAllocation(cls.id);
  const initialValues = useMemo<Values>(
    () => ({ unitId: allocation?.unitId ?? null, seats: allocation?.seats ?? null }),
    [allocation],
  );

  const submit = async (v: Values) => {
    await save.mutateAsync({ allocation, unitId: v.unitId, seats: v.seats ?? 0 });
    void message.success(t('common:saved'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="allocation"
      title={allocation ? t('allocations.edit') : t('allocations.add')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={save.isPending}
      onClose={onClose}
    >
      {allocation ? (
        <Typography.Paragraph strong>{allocation.unitName}</Typography.Paragraph>
      ) : (
        <Form.Item name="unitId" label={t('field.unitId')} rules={requiredRule(t, t('field.unitId'), 'choice')}>
          <UnitSelect within={cls.organiserUnitId} exclude={[cls.organiserUnitId]} status="active" />
        </Form.Item>
      )}
      <Form.Item
        name="seats"
        label={t('field.seats')}
        rules={requiredRule(t, t('field.seats'), 'number')}
        extra={allocation ? t('allocations.seatsHint', { used: allocation.used }) : undefined}
      >
        <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
