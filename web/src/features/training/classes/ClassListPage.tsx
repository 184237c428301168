import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { BookOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import type { TrainingClass } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { sortArrow, sortOf, useListPagination } from '../../../lib/paging';
import { hasRole, useMe } from '../../auth/useMe';
import { ClassStatusTag } from '../labels';
import { useDownload } from '../../../lib/useDownload';
import { classFilter, useClasses } from './api';
import { ClassFilters } from './ClassFilters';
import { classDates } from './classDates';
import { readClassSearch } from './classSearch';
import { useListSearch } from '../../../lib/listSearch';
import { CreateClassModal } from './CreateClassModal';

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
  const dl = useDownload();
  const [creating, setCreating] = useState(false);

  const user = me.data;
  const editorGrants = (user?.grants ?? []).filter((g) => g.role !== 'viewer');
  const proposedOrganiser = search.organiserWithin ?? (editorGrants.length === 1 ? editorGrants[0]!.unitId : null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space wrap>
          <Link to="/training/catalogue">
            <Button icon={<BookOutlined />}>{t('catalogue.title')}</Button>
          </Link>
          <Button
            icon={<DownloadOutlined />}
            loading={dl.busy === 'export'}
            onClick={() =>
              void dl.run('export', () =>
                download(routes.training.exportClasses, { query: classFilter(search) }, t('list.exportFile')),
              )
            }
          >
            {t('common:action.export')}
          </Button>
          {hasRole(user, 'editor') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="class-create" onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <ClassFilters value={search} onChange={setSearch} />
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <Table<TrainingClass>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('common:table.empty') }}
          pagination={{ ...listPagination(page, pageSize, list.data?.total), responsive: true }}
          onChange={(pg, _f, sorter, extra) => {
            const s = sortOf(sorter);
            const column = SORTABLE.find((c) => c === s.column);
            setSearch({
              ...search,
              sort: column === 'startDate' ? undefined : column,
              // newest first is the default: only the other way round goes in the address
              order: column && s.order === 'asc' ? 'asc' : column && column !== 'startDate' ? 'desc' : undefined,
              page: extra.action === 'paginate' && pg.current && pg.current > 1 ? pg.current : undefined,
              pageSize: pg.pageSize && pg.pageSize !== DEFAULT_PAGE_SIZE ? pg.pageSize : undefined,
            });
          }}
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
        organiserUnitId={proposedOrganiser}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void navigate({ to: '/training/classes/$id', params: { id: String(c.id) } });
        }}
      />
    </Space>
  );
}
