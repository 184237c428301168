import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { call } from '../../../api/client';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { useUnitAction } from './useUnitAction';

interface Values extends DecisionValues {
  name: string;
  shortName?: string;
}

export function RenameModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<Values>();
  // the version the user started from: a change by someone else meanwhile must fail, even after the page refreshes
  const [version] = useState(unit.version);
  const action = useUnitAction(
    form,
    (v: Values) =>
      call(routes.units.rename, {
        params: { id: unit.id },
        body: { version, name: v.name.trim(), shortName: v.shortName?.trim() || null, ...decisionBody(v) },
      }),
    { onDone: onClose },
  );
  return (
    <ActionModal<Values>
      title={t('action.rename')}
      form={form}
      initialValues={{ name: unit.name, shortName: unit.shortName ?? '', ...decisionDefaults() }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
    >
      <Form.Item
        name="name"
        label={t('form.newName')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { field: t('form.newName').toLowerCase() }) },
          { max: 200 },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('field.shortName')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <DecisionFields />
    </ActionModal>
  );
}
