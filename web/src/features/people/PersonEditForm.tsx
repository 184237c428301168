import { useEffect } from 'react';
import { Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@canbo/contract';
import { StaleAlert, useVersionedSave } from '../../lib/useVersionedSave';
import { useUpdatePerson } from './api';
import { PersonFields } from './PersonFields';
import { changedFields, toFormValues, type PersonFormValues } from './personForm';

/** Edit a record in place; sends only what changed, with the version read. */
export function PersonEditForm({
  person,
  onDone,
  onReload,
}: {
  person: Person;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation('people');
  const [form] = Form.useForm<PersonFormValues>();
  const update = useUpdatePerson(person.id);
  const { stale, save: send, clearStale } = useVersionedSave(form, onDone);

  useEffect(() => {
    form.setFieldsValue(toFormValues(person));
  }, [form, person]);

  const save = async (v: PersonFormValues) => {
    const patch = changedFields(person, v);
    if (Object.keys(patch).length === 1) return onDone();
    await send(() => update.mutateAsync(patch));
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
      <StaleAlert stale={stale} onReload={() => onReload().then(clearStale)} />
      <PersonFields nationalIdMasked={person.nationalIdMasked} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common:action.save')}
        </Button>
        <Button onClick={onDone}>{t('common:action.cancel')}</Button>
      </Space>
    </Form>
  );
}
