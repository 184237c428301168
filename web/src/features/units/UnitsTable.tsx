import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@canbo/contract';
import { formatDate } from '../../lib/format';
import { sortArrow, sortOf, useListPagination } from '../../lib/paging';
import { useUnits } from './api';
import type { UnitsSearch } from './listSearch';
import { UnitStatusTag } from './UnitStatusTag';
import { ListTable } from '../../lib/ListTable';

export interface UnitsTableProps {
  search: UnitsSearch;
  onChange: (patch: Partial<UnitsSearch>) => void;
}

const sortable = ['name', 'code', 'validFrom'] as const;

/** The units list: one page at a time from the server, sorted and filtered there. */
export function UnitsTable({ search, onChange }: UnitsTableProps) {
  const { t } = useTranslation('units');
  const listPagination = useListPagination();
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? 20;
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const query = useUnits({
    q: search.q,
    within: search.within,
    kind: search.kind,
    organisation: search.organisation,
    status: search.status,
    asOf: search.asOf,
    sort,
    order,
    page,
    pageSize,
  });
  const sortOrder = (key: string) => sortArrow(sort === key, order);

  const columns: TableColumnsType<Unit> = [
    {
      key: 'name',
      title: t('field.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, u) => (
        <Link to="/units/$id" params={{ id: String(u.id) }}>
          {u.name}
        </Link>
      ),
    },
    { key: 'code', dataIndex: 'code', title: t('field.code'), sorter: true, sortOrder: sortOrder('code') },
    { key: 'kind', title: t('field.kind'), render: (_, u) => t(`common:unitKind.${u.kind}`) },
    {
      key: 'organisation',
      title: t('field.organisation'),
      render: (_, u) => t(`common:organisation.${u.organisation}`),
    },
    { key: 'parent', dataIndex: 'parentName', title: t('field.parent') },
    { key: 'status', title: t('field.status'), render: (_, u) => <UnitStatusTag status={u.status} /> },
    {
      key: 'validFrom',
      title: t('field.validFrom'),
      sorter: true,
      sortOrder: sortOrder('validFrom'),
      render: (_, u) => formatDate(u.validFrom),
    },
    { key: 'validTo', title: t('field.validTo'), render: (_, u) => formatDate(u.validTo) },
  ];

  if (query.isError) return <Typography.Text type="danger">{query.error.message}</Typography.Text>;
  return (
    <ListTable<Unit>
      label={t('list.title')}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      locale={{ emptyText: t('common:table.empty') }}
      pagination={listPagination(page, pageSize, query.data?.total)}
      onChange={(p, _filters, sorter, extra) => {
        const s = sortOf(sorter);
        const sorted = sortable.find((c) => c === s.column);
        onChange({
          page: extra.action === 'paginate' ? p.current : undefined,
          pageSize: p.pageSize,
          sort: sorted,
          order: sorted ? s.order : undefined,
        });
      }}
    />
  );
}
