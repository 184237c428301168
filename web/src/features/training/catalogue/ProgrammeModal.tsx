import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { titles, type Programme, type Title } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { enumOptions } from '../../../lib/enumOptions';
import { requiredRule } from '../labels';
import { useSaveProgramme } from './api';
import { KindSelect } from './KindSelect';

interface Values {
  name: string;
  kindCode: string | null;
  targetTitles: Title[];
  topics: string[];
  standardDays: number | null;
  standardPeriods: number | null;
  active: boolean;
}

/** A programme of the catalogue: what a class of it teaches, to whom, and for how long. */
export function ProgrammeModal({
  programme,
  open,
  onClose,
}: {
  programme: Programme | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveProgramme();
  const initialValues = useMemo<Values>(
    () =>
      programme
        ? {
            name: programme.name,
            kindCode: programme.kindCode,
            targetTitles: programme.targetTitles,
            topics: programme.topics,
            standardDays: programme.standardDays,
            standardPeriods: programme.standardPeriods,
            active: programme.active,
          }
        : {
            name: '',
            kindCode: null,
            targetTitles: [],
            topics: [],
            standardDays: null,
            standardPeriods: null,
            active: true,
          },
    [programme],
  );

  const submit = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      kindCode: v.kindCode!,
      targetTitles: v.targetTitles,
      topics: v.topics.map((s) => s.trim()).filter(Boolean),
      standardDays: v.standardDays ?? null,
      standardPeriods: v.standardPeriods ?? null,
    };
    await save.mutateAsync(
      programme
        ? { id: programme.id, body: { ...body, version: programme.version, active: v.active } }
        : { id: null, body },
    );
    void message.success(t('common:saved'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="programme"
      width={720}
      title={programme ? t('catalogue.editProgramme') : t('catalogue.addProgramme')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={save.isPending}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('catalogue.programmeName')} rules={requiredRule(t, t('catalogue.programmeName'))}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="kindCode" label={t('field.kindCode')} rules={requiredRule(t, t('field.kindCode'), 'choice')}>
        <KindSelect />
      </Form.Item>
      <Form.Item name="targetTitles" label={t('field.targetTitles')}>
        <Select mode="multiple" allowClear options={enumOptions(t, 'title', titles)} />
      </Form.Item>
      <Form.Item name="topics" label={t('field.topics')} extra={t('catalogue.topicsHint')}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="standardDays" label={t('field.standardDays')}>
        <InputNumber min={1} max={400} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="standardPeriods" label={t('field.standardPeriods')}>
        <InputNumber min={1} max={5000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {programme && (
        <Form.Item name="active" label={t('field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
