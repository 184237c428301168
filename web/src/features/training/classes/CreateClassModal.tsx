import { useMemo } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { errorMessage } from '../../../lib/errors';
import { useSetSchemeLinks } from '../../schemes/api';
import { useCreateClass } from './api';
import { ClassFields } from './ClassFields';
import { createBody, newClassValues, type ClassFormValues } from './classForm';

/**
 * "Tạo lớp": a class to plan (it starts as a draft), or — with the switch on — a class held in the
 * past that is known only by its headcount.
 */
export function CreateClassModal({
  open,
  organiserUnitId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** The organiser proposed when the form opens (the list's unit filter, or the user's one unit). */
  organiserUnitId: number | null;
  onClose: () => void;
  onCreated: (c: TrainingClass) => void;
}) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassFormValues>();
  const create = useCreateClass();
  const setLinks = useSetSchemeLinks('class');
  const initialValues = useMemo(() => newClassValues(organiserUnitId), [organiserUnitId]);

  const submit = async (v: ClassFormValues) => {
    const c = await create.mutateAsync(createBody(v));
    void message.success(t('form.created'));
    // the class exists: a refused link is said, and the class opens all the same
    if (v.schemeIds.length)
      await setLinks.mutateAsync({ id: c.id, schemeIds: v.schemeIds }).catch((err: unknown) => {
        void message.error(errorMessage(err));
      });
    onCreated(c);
  };

  return (
    <FormModal<ClassFormValues>
      open={open}
      name="classCreate"
      title={t('list.create')}
      width={860}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending || setLinks.isPending}
      onClose={onClose}
      okText={t('list.create')}
    >
      <ClassFields create />
    </FormModal>
  );
}
