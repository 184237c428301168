import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { call } from '../../../api/client';
import { UnitSelect } from '../UnitSelect';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { useUnitAction } from './useUnitAction';

interface Values extends DecisionValues {
  parentId: number | null;
}

export function MoveModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<Values>();
  // the version the user started from: a change by someone else meanwhile must fail, even after the page refreshes
  const [version] = useState(unit.version);
  const action = useUnitAction(
    form,
    (v: Values) =>
      call(routes.units.move, { params: { id: unit.id }, body: { version, parentId: v.parentId, ...decisionBody(v) } }),
    { onDone: onClose },
  );
  return (
    <ActionModal<Values>
      title={t('action.move')}
      form={form}
      initialValues={{ parentId: null, ...decisionDefaults() }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
    >
      <Form.Item
        name="parentId"
        label={t('form.newParent')}
        extra={unit.parentName ? `${t('field.parent')}: ${unit.parentName}` : undefined}
        rules={[
          { required: true, message: t('form.requiredPick', { field: t('form.newParent').toLowerCase() }) },
          {
            validator: (_, v: number | null) =>
              v === unit.id
                ? Promise.reject(new Error(t('form.notSelf')))
                : v != null && v === unit.parentId
                  ? Promise.reject(new Error(t('form.sameParent')))
                  : Promise.resolve(),
          },
        ]}
      >
        <UnitSelect exclude={[unit.id]} />
      </Form.Item>
      <DecisionFields />
    </ActionModal>
  );
}
