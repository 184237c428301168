import { useState } from 'react';
import { routes, studyKinds, studyStatuses, type StudyKind, type StudyStatus } from '@canbo/contract';
import { Alert, Button, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { enumOptions } from '../../lib/enumOptions';
import { sortArrow, sortOf, usePaging } from '../../lib/paging';
import { errorMessage } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useDownload } from '../../lib/useDownload';
import { hasRole, useMe } from '../auth/useMe';
import { UnitSelect } from '../units/UnitSelect';
import { useStudies, type StudyFilter } from './api';
import { StudiesTable } from './StudiesTable';
import { StudyFormModal } from './StudyFormModal';

type Sort = NonNullable<StudyFilter['sort']>;
const SORTS: readonly Sort[] = ['startDate', 'expectedEndDate', 'person'];

/**
 * Every study in the actor's units, filtered and sorted on the server, exported as shown; with
 * `overdue`, only those past their expected end and still in progress.
 */
export function StudiesListPage({ overdue = false }: { overdue?: boolean }) {
  const { t } = useTranslation('studies');
  const me = useMe();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [studyKind, setStudyKind] = useState<StudyKind | undefined>();
  const [studyStatus, setStudyStatus] = useState<StudyStatus | undefined>();
  const [yearStarted, setYearStarted] = useState<number | undefined>();
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({
    sort: overdue ? 'expectedEndDate' : 'startDate',
    order: overdue ? 'asc' : 'desc',
  });
  const paging = usePaging();
  const [adding, setAdding] = useState(false);
  const dl = useDownload();

  const filter = {
    q: q || undefined,
    unitId,
    studyKind,
    studyStatus: overdue ? undefined : studyStatus,
    yearStarted,
    overdue: overdue ? ('true' as const) : undefined,
    ...sort,
  };
  const list = useStudies({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const changed =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      paging.restart();
    };

  const exportXlsx = () => dl.run('export', () => download(routes.studies.export, { query: filter }, t('exportFile')));

  return (
    <div>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {overdue ? t('overdueTitle') : t('listTitle')}
        </Typography.Title>
        <Space wrap>
          {overdue ? <Link to="/studies">{t('all')}</Link> : <Link to="/studies/overdue">{t('overdue')}</Link>}
          <Button icon={<DownloadOutlined />} loading={dl.busy === 'export'} onClick={() => void exportXlsx()}>
            {t('export')}
          </Button>
          {hasRole(me.data, 'editor') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('add')}
            </Button>
          )}
        </Space>
      </Flex>
      {overdue && <Alert type="warning" showIcon title={t('overdueHint')} style={{ marginBottom: 12 }} />}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('search')}
          placeholder={t('search')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            paging.restart();
          }}
          style={{ width: 260, maxWidth: '100%' }}
        />
        <UnitSelect
          aria-label={t('field.unitId')}
          value={unitId ?? null}
          onChange={changed((v: number | null) => setUnitId(v ?? undefined))}
          style={{ width: 260, maxWidth: '100%' }}
        />
        <Select
          allowClear
          id="studies-kind"
          aria-label={t('field.studyKind')}
          placeholder={t('field.studyKind')}
          value={studyKind}
          onChange={changed(setStudyKind)}
          options={enumOptions(t, 'studyKind', studyKinds)}
          style={{ width: 240, maxWidth: '100%' }}
        />
        {!overdue && (
          <Select
            allowClear
            id="studies-status"
            aria-label={t('field.studyStatus')}
            placeholder={t('field.studyStatus')}
            value={studyStatus}
            onChange={changed(setStudyStatus)}
            options={enumOptions(t, 'studyStatus', studyStatuses)}
            style={{ width: 180, maxWidth: '100%' }}
          />
        )}
        <InputNumber
          aria-label={t('field.yearStarted')}
          placeholder={t('field.yearStarted')}
          min={1900}
          max={2199}
          value={yearStarted}
          onChange={changed((v: number | null) => setYearStarted(v ?? undefined))}
          style={{ width: 140 }}
        />
      </Flex>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <StudiesTable
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{ ...paging.pagination(list.data?.total), responsive: true }}
        sortOrder={(col) => sortArrow(col === sort.sort, sort.order)}
        onChange={(_p, _f, sorter) => {
          const s = sortOf(sorter);
          const column = SORTS.find((c) => c === s.column);
          if (!column) return;
          setSort({ sort: column, order: s.order ?? 'asc' });
          paging.restart();
        }}
      />
      <StudyFormModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

export function OverdueStudiesPage() {
  return <StudiesListPage overdue />;
}
