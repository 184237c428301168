import { useEffect, useMemo } from 'react';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { studyFundings, studyKinds, studyModes, type Study, type StudyCreate } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { enumOptions } from '../../lib/enumOptions';
import { errorMessage } from '../../lib/errors';
import { PersonSelect } from '../people/PersonSelect';
import { setSchemeLinks, useSchemeLinks, useSetSchemeLinks } from '../schemes/api';
import { SchemeSelect, sameSchemes } from '../schemes/SchemeSelect';
import { useCreateStudy, useUpdateStudy } from './api';

interface Values {
  personId?: number;
  studyKind?: StudyCreate['studyKind'];
  decision?: string;
  decisionDate?: Dayjs | null;
  institution?: string;
  major?: string;
  studyMode?: StudyCreate['studyMode'];
  startDate?: Dayjs;
  expectedEndDate?: Dayjs;
  funding?: StudyCreate['funding'];
  notes?: string;
  /** The schemes the study serves (linked through their own route once the study exists). */
  schemeIds?: number[];
}

/**
 * Send a cadre to study, or correct a study's details (`study`). Its status, end, diploma and
 * reason change only through the workflow steps (StudyTransitionModal).
 */
export function StudyFormModal({
  open,
  onClose,
  personId,
  study,
}: {
  open: boolean;
  onClose: () => void;
  /** Fixed on the person's page; picked on the list page. */
  personId?: number;
  /** The study to correct; null while the edit form is closed, left out for the add form. */
  study?: Study | null;
}) {
  const { t } = useTranslation('studies');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateStudy();
  const update = useUpdateStudy();
  const links = useSchemeLinks('study', study?.id);
  const setLinks = useSetSchemeLinks('study');
  const linked = useMemo(() => (links.data?.items ?? []).map((l) => l.id), [links.data]);

  // the links arrive after the form opened: put them in without touching what the user typed
  useEffect(() => {
    if (open && study && links.data) form.setFieldsValue({ schemeIds: linked });
  }, [open, study, links.data, linked, form]);

  const initialValues = useMemo<Values>(
    () =>
      study
        ? {
            personId: study.personId,
            studyKind: study.studyKind,
            decision: study.decision ?? '',
            decisionDate: study.decisionDate ? dayjs(study.decisionDate) : null,
            institution: study.institution,
            major: study.major ?? '',
            studyMode: study.studyMode,
            startDate: dayjs(study.startDate),
            expectedEndDate: dayjs(study.expectedEndDate),
            funding: study.funding,
            notes: study.notes ?? '',
          }
        : { personId, studyMode: 'full_time', funding: 'state', schemeIds: [] },
    [study, personId],
  );

  const submit = async (v: Values) => {
    const fields = {
      studyKind: v.studyKind!,
      decision: v.decision || null,
      decisionDate: toIsoDate(v.decisionDate),
      institution: v.institution ?? '',
      major: v.major || null,
      studyMode: v.studyMode!,
      startDate: toIsoDate(v.startDate)!,
      expectedEndDate: toIsoDate(v.expectedEndDate)!,
      funding: v.funding!,
      notes: v.notes || null,
    };
    const schemeIds = v.schemeIds ?? [];
    if (study) {
      // the links first: a scheme refused lands on its field and nothing else is saved yet
      if (!sameSchemes(schemeIds, linked)) await setLinks.mutateAsync({ id: study.id, schemeIds });
      // the version the form was opened on: a change by someone else meanwhile is refused (409)
      await update.mutateAsync({ id: study.id, version: study.version, ...fields });
      message.success(t('common:saved'));
    } else {
      const created = await create.mutateAsync({ personId: v.personId!, ...fields });
      message.success(t('added'));
      // the study is saved: a refused link is said, the form closes all the same
      if (schemeIds.length)
        await setSchemeLinks('study', created.id, schemeIds).catch(
          (err: unknown) => void message.error(errorMessage(err)),
        );
    }
    onClose();
  };

  const f = (name: string) => t(`field.${name}`);
  const required = (name: string) => [{ required: true, message: t('required', { field: f(name).toLowerCase() }) }];
  return (
    <FormModal<Values>
      open={open}
      title={study ? t('editTitle') : t('addTitle')}
      name={study === undefined ? 'studyAdd' : 'studyEdit'}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending || update.isPending || setLinks.isPending}
      onClose={onClose}
    >
      {study && (
        <Typography.Paragraph>
          <Typography.Text strong>{study.personName}</Typography.Text> – {study.unitName}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="personId"
        label={f('personId')}
        rules={required('personId')}
        hidden={!!study || personId !== undefined}
      >
        <PersonSelect />
      </Form.Item>
      <Form.Item name="studyKind" label={f('studyKind')} rules={required('studyKind')}>
        <Select options={enumOptions(t, 'studyKind', studyKinds)} />
      </Form.Item>
      <Form.Item name="institution" label={f('institution')} rules={required('institution')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="major" label={f('major')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="decision" label={f('decision')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="decisionDate" label={f('decisionDate')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="studyMode" label={f('studyMode')} rules={required('studyMode')}>
        <Select options={enumOptions(t, 'studyMode', studyModes)} />
      </Form.Item>
      <Form.Item name="funding" label={f('funding')} rules={required('funding')}>
        <Select options={enumOptions(t, 'studyFunding', studyFundings)} />
      </Form.Item>
      <Form.Item name="startDate" label={f('startDate')} rules={required('startDate')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="expectedEndDate"
        label={f('expectedEndDate')}
        dependencies={['startDate']}
        rules={[
          ...required('expectedEndDate'),
          ({ getFieldValue }) => ({
            validator: (_, v: Dayjs | null | undefined) => {
              const start = getFieldValue('startDate') as Dayjs | undefined;
              return v && start && v.isBefore(start, 'day')
                ? Promise.reject(new Error(t('expectedBeforeStart')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="schemeIds" label={t('schemes:links.title')}>
        <SchemeSelect current={links.data?.items} />
      </Form.Item>
      <Form.Item name="notes" label={f('notes')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
