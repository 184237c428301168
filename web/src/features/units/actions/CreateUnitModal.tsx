import { Form } from 'antd';
import { routes } from '@canbo/contract';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { call } from '../../../api/client';
import { UnitSelect } from '../UnitSelect';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { newUnitBody, UnitFields } from './UnitFields';
import type { NewUnitValues } from './UnitFields';
import { useUnitAction } from './useUnitAction';

type Values = NewUnitValues & DecisionValues & { parentId: number | null };

/** A new unit, under `parent` by default; opens its page once created. */
export function CreateUnitModal({ parent, onClose }: { parent: UnitDetail | null; onClose: () => void }) {
  const { t } = useTranslation('units');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const action = useUnitAction(
    form,
    (v: Values) =>
      call(routes.units.create, {
        body: { ...newUnitBody(v), parentId: v.parentId ?? null, ...decisionBody(v) },
      }),
    {
      successText: t('action.created'),
      onDone: (u) => {
        onClose();
        void navigate({ to: '/units/$id', params: { id: String(u.id) } });
      },
    },
  );
  return (
    <ActionModal<Values>
      title={parent ? `${t('action.createChild')}: ${parent.name}` : t('action.createRoot')}
      form={form}
      width={680}
      initialValues={{
        parentId: parent?.id ?? null,
        organisation: parent?.organisation ?? 'doan',
        interim: false,
        ...decisionDefaults(),
      }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
    >
      <Form.Item name="parentId" label={t('field.parent')}>
        <UnitSelect placeholder={t('field.noParent')} />
      </Form.Item>
      <UnitFields />
      <DecisionFields />
    </ActionModal>
  );
}
