import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, Button, Card, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitTreeNode } from '@canbo/contract';
import { call } from '../../../api/client';
import { formatDate, toIsoDate } from '../../../lib/format';
import { fetchTreeLevel, unitKeys } from '../api';
import { UnitSelect } from '../UnitSelect';
import { ActionModal } from './ActionModal';
import { DecisionFields } from './DecisionFields';
import { decisionBody, decisionDefaults } from './decision';
import type { DecisionValues } from './decision';
import { newUnitBody, UnitFields } from './UnitFields';
import type { NewUnitValues } from './UnitFields';
import { useUnitAction } from './useUnitAction';

type Part = NewUnitValues & { parentId?: number | null; children?: number[] };
export interface SplitValues extends DecisionValues {
  into: Part[];
}

/**
 * Why a split cannot be sent as it stands: fewer than two parts, or a working sub-unit given to
 * none or to two of the new units (the server would refuse it too). Undefined when it is fine.
 */
export function splitProblem(
  into: Part[] | undefined,
  children: Pick<UnitTreeNode, 'id' | 'name'>[],
  t: (key: string, o?: Record<string, unknown>) => string,
): string | undefined {
  const parts = into ?? [];
  if (parts.length < 2) return t('form.atLeastTwo');
  const seen = new Set<number>();
  for (const p of parts)
    for (const c of p.children ?? []) {
      if (seen.has(c)) return t('form.childTwice', { name: children.find((x) => x.id === c)?.name ?? c });
      seen.add(c);
    }
  const left = children.filter((c) => !seen.has(c.id));
  if (left.length) return t('form.childMissing', { names: left.map((c) => c.name).join(', ') });
  return undefined;
}

export function SplitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<SplitValues>();
  // the version the user started from: a change by someone else meanwhile must fail, even after the page refreshes
  const [version] = useState(unit.version);
  const children = useQuery({
    queryKey: unitKeys.tree(unit.id, null, false),
    queryFn: () => fetchTreeLevel(unit.id, null, false),
    enabled: unit.childCount > 0,
  });
  const childList = children.data?.items ?? [];
  const blank = (): Part => ({
    name: '',
    code: '',
    kind: unit.kind,
    organisation: unit.organisation,
    interim: false,
    children: [],
  });
  const action = useUnitAction(
    form,
    (v: SplitValues) =>
      call(routes.units.split, {
        params: { id: unit.id },
        body: {
          version,
          into: v.into.map((p) => ({
            ...newUnitBody(p),
            ...(p.parentId ? { parentId: p.parentId } : {}),
            children: p.children ?? [],
          })),
          ...decisionBody(v),
        },
      }),
    { onDone: onClose },
  );
  return (
    <ActionModal<SplitValues>
      title={`${t('action.split')}: ${unit.name}`}
      form={form}
      width={760}
      danger
      initialValues={{ into: [blank(), blank()], ...decisionDefaults() }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
      confirm={(v) =>
        t('confirm.split', { name: unit.name, count: v.into.length, date: formatDate(toIsoDate(v.date)) })
      }
    >
      <Typography.Text strong>{t('form.splitInto')}</Typography.Text>
      {childList.length > 0 && <Typography.Paragraph type="secondary">{t('form.childrenHint')}</Typography.Paragraph>}
      <Form.List
        name="into"
        rules={[
          {
            validator: (_, into: Part[]) => {
              const problem = splitProblem(into, childList, t);
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('form.splitUnit', { n: i + 1 })}
                extra={
                  fields.length > 2 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                      {t('form.remove')}
                    </Button>
                  )
                }
              >
                <UnitFields prefix={[f.name]} />
                <Form.Item name={[f.name, 'parentId']} label={t('form.parentOfNew')}>
                  <UnitSelect placeholder={unit.parentName ?? t('field.noParent')} exclude={[unit.id]} />
                </Form.Item>
                {childList.length > 0 && (
                  <Form.Item name={[f.name, 'children']} label={t('form.childrenOf')}>
                    <Select
                      mode="multiple"
                      options={childList.map((c) => ({ value: c.id, label: c.name }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                )}
              </Card>
            ))}
            {errors.length > 0 && <Alert type="error" showIcon title={errors} style={{ marginBottom: 8 }} />}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(blank())}
              style={{ margin: '4px 0 16px' }}
            >
              {t('form.addSplitUnit')}
            </Button>
          </>
        )}
      </Form.List>
      <DecisionFields />
    </ActionModal>
  );
}
