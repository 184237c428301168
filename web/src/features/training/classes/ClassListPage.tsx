import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, Button, Card, Space } from 'antd';
import { BookOutlined, FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import type { TrainingClass } from '@canbo/contract';
import { ExportButton } from '../../../app/ExportButton';
import { ListHeader } from '../../../app/ListHeader';
import { errorMessage } from '../../../lib/errors';
import { sortArrow, tableChange, useListPagination } from '../../../lib/paging';
import { hasRole, proposedUnit, useMe } from '../../auth/useMe';
import { ClassStatusTag } from '../labels';
import { classFilter, useClasses } from './api';
import { ClassFilters } from './ClassFilters';
import { classDates } from './classDates';
import { readClassSearch } from './classSearch';
import { useListSearch } from '../../../lib/listSearch';
import { CreateClassModal } from './CreateClassModal';
import { RecordClassDrawer } from '../recorded/RecordClassDrawer';
import { ListTable } from '../../../lib/ListTable';

const DEFAULT_PAGE_SIZE = 20;
const SORTABLE = ['startDate', 'name', 'status'] as const;

/** /training/classes: every class the user may see, filtered, sorted and paged on the server. */
export function ClassListPage() {
  const { t } = useTranslation('training');
  const me = useMe();
  const navigate = useNavigate();
  const listPagination = useListPagination();
  const [search, setSearch] = useListSearch('/training/classes', readClassSearch);
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = search.sort ?? 'startDate';
  const order = search.order ?? 'desc';
  const list = useClasses({ ...search, sort, order }, page, pageSize);
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState(false);

  const user = me.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title={t('list.title')}>
        <Link to="/training/catalogue">
          <Button icon={<BookOutlined />}>{t('catalogue.title')}</Button>
        </Link>
        <ExportButton
          onExport={() => download(routes.training.exportClasses, { query: classFilter(search) }, t('list.exportFile'))}
        />
        {hasRole(user, 'editor') && (
          <Button icon={<FileDoneOutlined />} data-testid="class-record" onClick={() => setRecording(true)}>
            {t('recorded.open')}
          </Button>
        )}
        {hasRole(user, 'editor') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="class-create" onClick={() => setCreating(true)}>
            {t('list.create')}
          </Button>
        )}
      </ListHeader>
      <Card size="small">
        <ClassFilters value={search} onChange={setSearch} />
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <ListTable<TrainingClass>
          label={t('list.title')}
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('common:table.empty') }}
          pagination={{ ...listPagination(page, pageSize, list.data?.total), responsive: true }}
          onChange={tableChange(search, setSearch, {
            sortable: SORTABLE,
            newestFirst: 'startDate',
            defaultPageSize: DEFAULT_PAGE_SIZE,
          })}
          columns={[
            {
              key: 'name',
              title: t('field.className'),
              sorter: true,
              sortOrder: sortArrow(sort === 'name', order),
              render: (_, c) => (
                <Link to="/training/classes/$id" params={{ id: String(c.id) }}>
                  {c.name}
                </Link>
              ),
            },
            {
              key: 'startDate',
              title: t('list.dates'),
              sorter: true,
              sortOrder: sortArrow(sort === 'startDate', order),
              render: (_, c) => classDates(c),
            },
            {
              key: 'status',
              title: t('field.status'),
              sorter: true,
              sortOrder: sortArrow(sort === 'status', order),
              render: (_, c) => <ClassStatusTag status={c.status} />,
            },
            { key: 'organiser', title: t('field.organiserUnitId'), dataIndex: 'organiserUnitName' },
            { key: 'level', title: t('field.level'), render: (_, c) => t(`classLevel.${c.level}`) },
            { key: 'kind', title: t('field.kindCode'), dataIndex: 'kindName' },
            {
              key: 'trainees',
              title: t('list.trainees'),
              align: 'right',
              render: (_, c) => (c.headcount ? c.headcount.total : c.seated),
            },
          ]}
        />
      </Card>
      <CreateClassModal
        open={creating}
        organiserUnitId={proposedUnit(user, search.organiserWithin)}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void navigate({ to: '/training/classes/$id', params: { id: String(c.id) } });
        }}
      />
      <RecordClassDrawer
        open={recording}
        organiserUnitId={proposedUnit(user, search.organiserWithin)}
        onClose={() => setRecording(false)}
        onRecorded={(c) => {
          setRecording(false);
          void navigate({ to: '/training/classes/$id', params: { id: String(c.id) } });
        }}
      />
    </Space>
  );
}
