import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@canbo/contract';
import { ApiError } from '../../api/client';
import { errorMessage, showFieldErrors } from '../../lib/errors';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const update = useUpdatePerson(person.id);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    form.setFieldsValue(toFormValues(person));
  }, [form, person]);

  const save = async (v: PersonFormValues) => {
    const patch = changedFields(person, v);
    if (Object.keys(patch).length === 1) return onDone();
    try {
      await update.mutateAsync(patch);
      message.success(t('common:saved'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale') setStale(true);
      else if (!showFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark="optional" onFinish={(v) => void save(v)}>
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('common:error.stale')}
          style={{ marginBottom: 16 }}
          action={
            <Button
              size="small"
              onClick={() =>
                void onReload().then(() => {
                  setStale(false);
                })
              }
            >
              {t('stale.reload')}
            </Button>
          }
        />
      )}
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
