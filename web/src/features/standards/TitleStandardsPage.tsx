import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  qualifications,
  standardLevels,
  theoryLevels,
  titles,
  type Qualification,
  type StandardLevel,
  type TheoryLevel,
  type Title,
  type TitleStandard,
} from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { errorMessage } from '../../lib/errors';
import { usePaging } from '../../lib/paging';
import { hasRole, useMe } from '../auth/useMe';
import { useSaveTitleStandard, useTitleStandards } from './api';
import { ListTable } from '../../lib/ListTable';

interface Values {
  title: Title;
  level: StandardLevel;
  maxAgeFirst: number | null;
  maxAgeInPost: number | null;
  hardshipMaxAgeFirst: number | null;
  hardshipMaxAgeInPost: number | null;
  minQualification: Qualification | null;
  minTheoryLevel: TheoryLevel | null;
}

const EMPTY = {
  maxAgeFirst: null,
  maxAgeInPost: null,
  hardshipMaxAgeFirst: null,
  hardshipMaxAgeInPost: null,
  minQualification: null,
  minTheoryLevel: null,
};

/**
 * /standards/catalogue: the title standards (QĐ 289), one row per title and unit level that asks
 * something. The server lets only catalogue managers save; the buttons show to every administrator.
 */
export function TitleStandardsPage() {
  const { t } = useTranslation('standards');
  const me = useMe();
  const canEdit = hasRole(me.data, 'admin');
  const list = useTitleStandards();
  // Bounded (titles × levels) and read whole, but paged as every list is: the pages are cut here.
  const paging = usePaging();
  const [editing, setEditing] = useState<TitleStandard | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (s: TitleStandard | null) => {
    setEditing(s);
    setOpen(true);
  };
  const age = (ordinary: number | null, hardship: number | null) =>
    ordinary === null && hardship === null
      ? t('noRequirement')
      : hardship === null
        ? String(ordinary)
        : t('ageWithHardship', { age: ordinary ?? t('noRequirement'), hardship });
  const rows = [...(list.data?.items ?? [])].sort(
    (a, b) =>
      titles.indexOf(a.title) - titles.indexOf(b.title) ||
      standardLevels.indexOf(a.level) - standardLevels.indexOf(b.level),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Link to="/standards">
          <Space size={4}>
            <ArrowLeftOutlined />
            {t('back')}
          </Space>
        </Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('standardsTitle')}
        </Typography.Title>
      </div>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('standardsHint')}</Typography.Text>
          {canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => edit(null)}>
              {t('addStandard')}
            </Button>
          )}
        </Flex>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
        <ListTable<TitleStandard>
          label={t('standardsTitle')}
          rowKey={(s) => `${s.title}-${s.level}`}
          size="small"
          loading={list.isFetching}
          dataSource={rows}
          pagination={paging.pagination(rows.length)}
          locale={{ emptyText: t('common:table.empty') }}
          columns={[
            { key: 'title', title: t('title'), render: (_, s) => t(`common:title.${s.title}`) },
            { key: 'level', title: t('level'), render: (_, s) => t(`levels.${s.level}`) },
            { key: 'first', title: t('ageFirstColumn'), render: (_, s) => age(s.maxAgeFirst, s.hardshipMaxAgeFirst) },
            {
              key: 'inPost',
              title: t('ageInPostColumn'),
              render: (_, s) => age(s.maxAgeInPost, s.hardshipMaxAgeInPost),
            },
            {
              key: 'qualification',
              title: t('minQualification'),
              render: (_, s) =>
                s.minQualification ? t(`common:qualification.${s.minQualification}`) : t('noRequirement'),
            },
            {
              key: 'theory',
              title: t('minTheoryLevel'),
              render: (_, s) => (s.minTheoryLevel ? t(`common:theoryLevel.${s.minTheoryLevel}`) : t('noRequirement')),
            },
            ...(canEdit
              ? [
                  {
                    key: 'edit',
                    title: '',
                    render: (_: unknown, s: TitleStandard) => (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('editStandard', {
                          title: t(`common:title.${s.title}`),
                          level: t(`levels.${s.level}`).toLowerCase(),
                        })}
                        onClick={() => edit(s)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <StandardModal standard={editing} stored={rows} open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

/** One cell, whole: a new one picks its title and level (a stored pair opens as an edit of it). */
function StandardModal(p: {
  standard: TitleStandard | null;
  stored: TitleStandard[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('standards');
  const [form] = Form.useForm<Values>();
  const save = useSaveTitleStandard();
  const { standard } = p;
  const initialValues = useMemo<Partial<Values>>(() => (standard ? { ...standard } : { ...EMPTY }), [standard]);
  const submit = async (v: Values) => {
    const stored = standard ?? p.stored.find((s) => s.title === v.title && s.level === v.level);
    const { title, level, ...values } = v;
    await save.mutateAsync({ title, level, body: { ...EMPTY, ...values, version: stored?.version ?? 0 } });
    p.onClose();
  };
  const ageField = (name: keyof typeof EMPTY) => (
    <Form.Item name={name} label={t(name)}>
      <InputNumber min={15} max={80} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  const required = (field: string) => [{ required: true, message: t('required', { field: field.toLowerCase() }) }];

  return (
    <FormModal<Values>
      open={p.open}
      name="standard"
      title={
        standard
          ? t('editStandard', {
              title: t(`common:title.${standard.title}`),
              level: t(`levels.${standard.level}`).toLowerCase(),
            })
          : t('addStandard')
      }
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={save.isPending}
      onClose={p.onClose}
    >
      <Form.Item name="title" label={t('title')} rules={required(t('title'))}>
        <Select disabled={!!standard} options={titles.map((v) => ({ value: v, label: t(`common:title.${v}`) }))} />
      </Form.Item>
      <Form.Item name="level" label={t('level')} rules={required(t('level'))}>
        <Select disabled={!!standard} options={standardLevels.map((v) => ({ value: v, label: t(`levels.${v}`) }))} />
      </Form.Item>
      {ageField('maxAgeFirst')}
      {ageField('maxAgeInPost')}
      {ageField('hardshipMaxAgeFirst')}
      {ageField('hardshipMaxAgeInPost')}
      <Form.Item name="minQualification" label={t('minQualification')}>
        <Select allowClear options={qualifications.map((v) => ({ value: v, label: t(`common:qualification.${v}`) }))} />
      </Form.Item>
      <Form.Item name="minTheoryLevel" label={t('minTheoryLevel')}>
        <Select allowClear options={theoryLevels.map((v) => ({ value: v, label: t(`common:theoryLevel.${v}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
