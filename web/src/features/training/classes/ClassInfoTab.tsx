import { useEffect, useMemo, useState } from 'react';
import { Button, Descriptions, Flex, Form, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '@canbo/contract';
import { StaleAlert, useVersionedSave } from '../../../lib/useVersionedSave';
import { CompletionRule } from '../results/CompletionRule';
import { LinkedSchemes, sameSchemes } from '../../schemes/SchemeSelect';
import { useSchemeLinks, useSetSchemeLinks } from '../../schemes/api';
import { useUpdateClass } from './api';
import { ClassFields } from './ClassFields';
import { classDates } from './classDates';
import { toFormValues, updateBody, type ClassFormValues } from './classForm';

/** A closed or cancelled class is a record: it is read, no longer edited. */
export const isEditable = (c: TrainingClass) => c.canManage && c.status !== 'closed' && c.status !== 'cancelled';

/** "Thông tin": the class as recorded, and — for its organiser — the form to correct it. */
export function ClassInfoTab({ cls, onReload }: { cls: TrainingClass; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('training');
  const [editing, setEditing] = useState(false);
  if (editing) return <ClassEditForm cls={cls} onDone={() => setEditing(false)} onReload={onReload} />;
  const none = <span style={{ color: '#999' }}>—</span>;
  return (
    <div>
      {isEditable(cls) && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="class-edit">
            {t('common:action.edit')}
          </Button>
        </Flex>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('field.className')} span={2}>
          {cls.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.organiserUnitId')}>{cls.organiserUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('field.level')}>{t(`classLevel.${cls.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.kindCode')}>{cls.kindName}</Descriptions.Item>
        <Descriptions.Item label={t('field.programmeId')}>{cls.programmeName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('field.targetTitles')} span={2}>
          {cls.targetTitles.length ? cls.targetTitles.map((x) => <Tag key={x}>{t(`common:title.${x}`)}</Tag>) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.partners')} span={2}>
          {cls.partners.length ? cls.partners.join('; ') : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('list.dates')}>{classDates(cls)}</Descriptions.Item>
        <Descriptions.Item label={t('field.place')}>{cls.place ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('field.mode')}>{t(`classMode.${cls.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.decision')}>{cls.decision ?? none}</Descriptions.Item>
        {!cls.headcount && (
          <>
            <Descriptions.Item label={t('field.capacity')}>{cls.capacity ?? t('seats.unlimited')}</Descriptions.Item>
            <Descriptions.Item label={t('form.completionRule')}>
              <CompletionRule rule={cls.completionRule} />
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('info.sessions')}>{cls.sessionCount}</Descriptions.Item>
        <Descriptions.Item label={t('schemes:links.title')} span={2}>
          <LinkedSchemes owner="class" id={cls.id} />
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** Edit in place; only what changed is sent, with the version read, so a concurrent edit is caught. */
function ClassEditForm({
  cls,
  onDone,
  onReload,
}: {
  cls: TrainingClass;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation('training');
  const [form] = Form.useForm<ClassFormValues>();
  const update = useUpdateClass(cls.id);
  const links = useSchemeLinks('class', cls.id);
  const setLinks = useSetSchemeLinks('class');
  const linked = useMemo(() => (links.data?.items ?? []).map((l) => l.id), [links.data]);
  const { stale, save: send, clearStale } = useVersionedSave(form, onDone);

  useEffect(() => {
    form.setFieldsValue(toFormValues(cls));
  }, [form, cls]);
  // the links arrive after the form opened
  useEffect(() => {
    if (links.data) form.setFieldsValue({ schemeIds: linked });
  }, [form, links.data, linked]);

  const save = async (v: ClassFormValues) => {
    // the store keeps what the form does not show (a headcount class hides its roster settings)
    const all = { ...(form.getFieldsValue(true) as ClassFormValues), ...v };
    const body = updateBody(cls, all);
    const schemeIds = all.schemeIds ?? [];
    const linksChanged = !sameSchemes(schemeIds, linked);
    if (Object.keys(body).length === 1 && !linksChanged) return onDone();
    await send(async () => {
      // the links first: a scheme refused lands on its field before anything of the class is saved
      if (linksChanged) await setLinks.mutateAsync({ id: cls.id, schemeIds });
      if (Object.keys(body).length > 1) await update.mutateAsync(body);
    });
  };

  return (
    <Form<ClassFormValues>
      name="classEdit"
      form={form}
      layout="vertical"
      autoComplete="off"
      initialValues={toFormValues(cls)}
      onFinish={(v) => void save(v)}
    >
      <StaleAlert stale={stale} onReload={() => onReload().then(clearStale)} />
      <ClassFields
        create={false}
        headcountClass={cls.headcount !== null}
        currentProgramme={cls.programmeId ? { id: cls.programmeId, name: cls.programmeName ?? '' } : null}
        currentSchemes={links.data?.items}
      />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={update.isPending || setLinks.isPending}>
          {t('common:action.save')}
        </Button>
        <Button onClick={onDone}>{t('common:action.cancel')}</Button>
      </Space>
    </Form>
  );
}
