import { useMemo } from 'react';
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, Person } from '@canbo/contract';
import { ApiError } from '../../api/client';
import { FormModal } from '../../app/FormModal';
import { errorMessage, reportError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useCreatePerson } from './api';
import { PersonFields } from './PersonFields';
import { NEW_PERSON, toBody, type PersonFormValues } from './personForm';

function duplicatesOf(err: unknown): DuplicateCandidate[] | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.field !== 'confirmDuplicate') return null;
  return Array.isArray(err.details.duplicates) ? (err.details.duplicates as DuplicateCandidate[]) : [];
}

/**
 * New cadre. When the server finds a record with the same name and birth date, it refuses once:
 * the user sees who it is and may create the record anyway.
 */
export function CreatePersonModal({
  open,
  unitId,
  onClose,
  onCreated,
}: {
  open: boolean;
  unitId?: number;
  onClose: () => void;
  onCreated: (p: Person) => void;
}) {
  const { t } = useTranslation('people');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const initialValues = useMemo(() => ({ ...NEW_PERSON, unitId: unitId ?? null }), [unitId]);

  const send = async (v: PersonFormValues, confirmDuplicate: boolean) => {
    try {
      const p = await create.mutateAsync({ ...toBody(v), confirmDuplicate });
      message.success(t('created'));
      onCreated(p);
    } catch (err) {
      const duplicates = duplicatesOf(err);
      if (!duplicates || confirmDuplicate) throw err;
      modal.confirm({
        title: t('duplicate.title'),
        width: 520,
        content: (
          <div>
            <Typography.Paragraph>{errorMessage(err) || t('duplicate.intro')}</Typography.Paragraph>
            <ul>
              {duplicates.map((d) => (
                <li key={d.id}>
                  <a href={`/people/${d.id}`} target="_blank" rel="noreferrer">
                    {d.fullName}
                  </a>
                  {d.birthDate ? ` – ${formatDate(d.birthDate)}` : ''} – {d.unitName}
                </li>
              ))}
            </ul>
            <Typography.Paragraph strong>{t('duplicate.question')}</Typography.Paragraph>
          </div>
        ),
        okText: t('duplicate.ok'),
        cancelText: t('common:action.cancel'),
        onOk: () => send(v, true).catch((e: unknown) => reportError(form, message, e)),
      });
    }
  };

  return (
    <FormModal<PersonFormValues>
      open={open}
      title={t('createTitle')}
      width={900}
      form={form}
      initialValues={initialValues}
      onSubmit={(v) => send(v, false)}
      pending={create.isPending}
      onClose={onClose}
    >
      <PersonFields />
    </FormModal>
  );
}
