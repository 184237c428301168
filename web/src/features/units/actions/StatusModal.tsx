import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { call } from '../../../api/client';
import { formatDate, toIsoDate } from '../../../lib/format';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { useUnitAction } from './useUnitAction';

export type StatusAction = 'dissolve' | 'interim' | 'activate';

/** Dissolve, make interim, make permanent: a date and a decision, nothing else. */
export function StatusModal({ unit, kind, onClose }: { unit: UnitDetail; kind: StatusAction; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<DecisionValues>();
  // the version the user started from: a change by someone else meanwhile must fail, even after the page refreshes
  const [version] = useState(unit.version);
  const action = useUnitAction(
    form,
    (v: DecisionValues) => call(routes.units[kind], { params: { id: unit.id }, body: { version, ...decisionBody(v) } }),
    { onDone: onClose },
  );
  const dissolve = kind === 'dissolve';
  return (
    <ActionModal<DecisionValues>
      title={`${t(`action.${kind}`)}: ${unit.name}`}
      form={form}
      initialValues={decisionDefaults()}
      pending={action.isPending}
      danger={dissolve}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
      confirm={
        dissolve ? (v) => t('confirm.dissolve', { name: unit.name, date: formatDate(toIsoDate(v.date)) }) : undefined
      }
    >
      <DecisionFields />
    </ActionModal>
  );
}
