import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingKind } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { requiredRule } from '../labels';
import { useKinds, useSaveKind } from './api';
import { kindCodeOf } from './kindCode';

interface Values {
  name: string;
  sortOrder: number;
  active: boolean;
}

/**
 * Add a training kind, or rename / reorder / retire one (`kind`). Users name a kind; its code is made
 * from the first name (kindCode.ts) and never changes, so renaming keeps every class's kind.
 */
export function KindModal({ kind, open, onClose }: { kind: TrainingKind | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveKind();
  const kinds = useKinds();
  const initialValues = useMemo<Values>(
    () =>
      kind
        ? { name: kind.name, sortOrder: kind.sortOrder, active: kind.active }
        : { name: '', sortOrder: 100, active: true },
    [kind],
  );

  const submit = async (v: Values) => {
    await save.mutateAsync(
      kind
        ? {
            code: kind.code,
            body: { version: kind.version, name: v.name.trim(), sortOrder: v.sortOrder, active: v.active },
          }
        : {
            code: null,
            body: {
              code: kindCodeOf(v.name, kinds.data?.items.map((k) => k.code) ?? []),
              name: v.name.trim(),
              sortOrder: v.sortOrder,
            },
          },
    );
    void message.success(t('common:saved'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="kind"
      title={kind ? t('catalogue.editKind') : t('catalogue.addKind')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={save.isPending}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('field.name')} rules={requiredRule(t, t('field.name'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('field.sortOrder')}>
        <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {kind && (
        <Form.Item name="active" label={t('field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
