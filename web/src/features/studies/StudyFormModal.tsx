import { useMemo } from 'react';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { studyFundings, studyKinds, studyModes, type Study, type StudyCreate } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { enumOptions } from '../../lib/enumOptions';
import { PersonSelect } from '../people/PersonSelect';
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
        : { personId, studyMode: 'full_time', funding: 'state' },
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
    if (study) {
      // the version the form was opened on: a change by someone else meanwhile is refused (409)
      await update.mutateAsync({ id: study.id, version: study.version, ...fields });
      message.success(t('common:saved'));
    } else {
      await create.mutateAsync({ personId: v.personId!, ...fields });
      message.success(t('added'));
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
      pending={create.isPending || update.isPending}
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
      <Form.Item name="notes" label={f('notes')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
