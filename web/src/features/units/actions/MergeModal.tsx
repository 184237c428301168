import { Divider, Form, Radio } from 'antd';
import { routes } from '@canbo/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { call } from '../../../api/client';
import { formatDate, toIsoDate } from '../../../lib/format';
import { fetchUnit, unitKeys } from '../api';
import { UnitSelect } from '../UnitSelect';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { newUnitBody, UnitFields } from './UnitFields';
import type { NewUnitValues } from './UnitFields';
import { useUnitAction } from './useUnitAction';

export interface MergeValues extends DecisionValues {
  sourceIds: number[];
  mode: 'existing' | 'new';
  targetId?: number | null;
  newUnit?: NewUnitValues & { parentId?: number | null };
}

export function mergeBody(v: MergeValues) {
  return {
    sourceIds: v.sourceIds,
    ...(v.mode === 'existing'
      ? { targetId: v.targetId ?? undefined }
      : { newUnit: { ...newUnitBody(v.newUnit!), parentId: v.newUnit?.parentId ?? null } }),
    ...decisionBody(v),
  };
}

/**
 * Merge units (this one pre-selected) into an existing unit or a new one. The sources stop being
 * active on the date, so the user confirms first.
 */
export function MergeModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<MergeValues>();
  const mode = Form.useWatch('mode', form) ?? 'existing';
  const targetId = Form.useWatch('targetId', form);
  const sourceIds = Form.useWatch('sourceIds', form);
  const target = useQuery({
    queryKey: unitKeys.detail(targetId ?? 0),
    queryFn: () => fetchUnit(targetId!),
    enabled: !!targetId,
  });
  const action = useUnitAction(form, (v: MergeValues) => call(routes.units.merge, { body: mergeBody(v) }), {
    onDone: onClose,
  });
  return (
    <ActionModal<MergeValues>
      title={t('action.merge')}
      form={form}
      width={720}
      danger
      initialValues={{
        sourceIds: [unit.id],
        mode: 'existing',
        newUnit: {
          name: '',
          code: '',
          kind: unit.kind,
          organisation: unit.organisation,
          parentId: unit.parentId,
          interim: false,
        },
        ...decisionDefaults(),
      }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
      confirm={(v) =>
        t(v.mode === 'existing' ? 'confirm.merge' : 'confirm.mergeNew', {
          count: v.sourceIds.length,
          target: v.mode === 'existing' ? (target.data?.name ?? '') : (v.newUnit?.name ?? ''),
          date: formatDate(toIsoDate(v.date)),
        })
      }
    >
      <Form.Item
        name="sourceIds"
        label={t('form.sources')}
        rules={[{ required: true, type: 'array', min: 1, message: t('form.atLeastOneSource') }]}
      >
        <UnitSelect mode="multiple" status={undefined} />
      </Form.Item>
      <Form.Item name="mode" label={t('form.targetMode')}>
        <Radio.Group
          options={[
            { value: 'existing', label: t('form.targetExisting') },
            { value: 'new', label: t('form.targetNew') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item
          name="targetId"
          label={t('form.target')}
          dependencies={['sourceIds']}
          rules={[
            { required: true, message: t('form.requiredPick', { field: t('form.target').toLowerCase() }) },
            {
              validator: (_, v: number | null) =>
                v != null && sourceIds?.includes(v) ? Promise.reject(new Error(t('form.notSelf'))) : Promise.resolve(),
            },
          ]}
        >
          <UnitSelect exclude={sourceIds} />
        </Form.Item>
      ) : (
        <>
          <Divider titlePlacement="start" plain>
            {t('form.newUnit')}
          </Divider>
          <Form.Item name={['newUnit', 'parentId']} label={t('form.newParentOfNew')}>
            <UnitSelect placeholder={t('field.noParent')} />
          </Form.Item>
          <UnitFields prefix={['newUnit']} />
        </>
      )}
      <DecisionFields />
    </ActionModal>
  );
}
