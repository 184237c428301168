import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, App, Button, Flex, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Person } from '@canbo/contract';
import { download } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { sortArrow, sortOf, useListPagination } from '../../lib/paging';
import { hasRole, useMe } from '../auth/useMe';
import { usePeople, type PeopleFilter } from './api';
import { CreatePersonModal } from './CreatePersonModal';
import { readPeopleSearch } from './listSearch';
import { useListSearch } from '../../lib/listSearch';
import { PeopleFilters } from './PeopleFilters';
import { ListTable } from '../../lib/ListTable';

const SORT_BY_COLUMN: Record<string, PeopleFilter['sort']> = {
  fullName: 'name',
  birthDate: 'birthDate',
  unitName: 'unit',
};
const DEFAULT_PAGE_SIZE = 20;

/** The cadre registry: search, filter, sort and page on the server; export what is shown to Excel. */
export function PeopleListPage() {
  const me = useMe();
  const user = me.data;
  // A cadre's own account has one record to see: its own.
  if (user && !user.isSuperadmin && user.grants.length === 0) {
    if (user.personId !== null) return <Navigate to="/people/$id" params={{ id: String(user.personId) }} replace />;
    return <NoOwnRecord />;
  }
  return <PeopleList canCreate={hasRole(user, 'editor')} />;
}

function NoOwnRecord() {
  const { t } = useTranslation('people');
  return <Alert type="info" showIcon title={t('noOwnRecord')} />;
}

function PeopleList({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const listPagination = useListPagination();
  const [filter, setFilter] = useListSearch('/people', readPeopleSearch);
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
  const list = usePeople({ ...filter, page, pageSize });
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...rest } = filter;
      await download(routes.people.export, { query: rest }, t('exportFile'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (col: string) => sortArrow(SORT_BY_COLUMN[col] === (filter.sort ?? 'name'), filter.order);

  return (
    <div>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('listTitle')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
            {t('export')}
          </Button>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('add')}
            </Button>
          )}
        </Space>
      </Flex>
      <PeopleFilters value={filter} onChange={setFilter} />
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Person>
        label={t('listTitle')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common:table.empty') }}
        pagination={{ ...listPagination(page, pageSize, list.data?.total, list.data?.more), responsive: true }}
        onChange={(pg, _f, sorter) => {
          const s = sortOf(sorter);
          const sort = s.column ? SORT_BY_COLUMN[s.column] : undefined;
          const desc = s.order === 'desc';
          setFilter({
            ...filter,
            // name ascending is the default: keep it out of the URL
            sort: sort === 'name' && !desc ? undefined : sort,
            order: desc ? 'desc' : undefined,
            page: pg.current && pg.current > 1 ? pg.current : undefined,
            pageSize: pg.pageSize && pg.pageSize !== DEFAULT_PAGE_SIZE ? pg.pageSize : undefined,
          });
        }}
        columns={[
          {
            title: t('col.fullName'),
            key: 'fullName',
            sorter: true,
            sortOrder: sortOrder('fullName'),
            fixed: 'left',
            render: (_, p) => (
              <Link to="/people/$id" params={{ id: String(p.id) }}>
                {p.fullName}
              </Link>
            ),
          },
          {
            title: t('col.birthDate'),
            key: 'birthDate',
            sorter: true,
            sortOrder: sortOrder('birthDate'),
            render: (_, p) => formatDate(p.birthDate),
          },
          { title: t('col.gender'), key: 'gender', render: (_, p) => t(`common:gender.${p.gender}`) },
          { title: t('col.ethnicity'), dataIndex: 'ethnicityName' },
          {
            title: t('col.unit'),
            key: 'unitName',
            sorter: true,
            sortOrder: sortOrder('unitName'),
            dataIndex: 'unitName',
          },
          {
            title: t('currentTitles'),
            key: 'titles',
            render: (_, p) => (
              <Space size={[0, 4]} wrap>
                {p.currentTitles.map((ct, i) => (
                  <Tag key={i} title={ct.unitName}>
                    {t(`common:title.${ct.title}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('col.nationalId'), dataIndex: 'nationalId', render: (v: string | null) => v ?? '' },
        ]}
      />
      <CreatePersonModal
        open={creating}
        unitId={filter.unitId}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          void navigate({ to: '/people/$id', params: { id: String(p.id) } });
        }}
      />
    </div>
  );
}
