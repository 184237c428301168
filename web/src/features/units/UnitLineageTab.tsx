import { Tag, Typography } from 'antd';
import { routes } from '@canbo/contract';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import type { z } from 'zod';
import type { lineageEntry } from '@canbo/contract';
import { call } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useFixedPaging } from '../../lib/paging';
import { unitKeys } from './api';
import { UnitStatusTag } from './UnitStatusTag';
import { ListTable } from '../../lib/ListTable';

type Entry = z.infer<typeof lineageEntry>;
const PAGE_SIZE = 50;

/** The historical units whose records roll up into this one today, and how each got here. */
export function UnitLineageTab({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('units');
  const paging = useFixedPaging(PAGE_SIZE);
  const { page } = paging;
  const q = useQuery({
    queryKey: unitKeys.lineage(unit.id, page),
    queryFn: () => call(routes.units.lineage, { params: { id: unit.id }, query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const names = new Map<number, string>([[unit.id, unit.name]]);
  for (const e of q.data?.items ?? []) names.set(e.id, e.name);
  const link = (id: number, name: string | undefined) => (
    <Link to="/units/$id" params={{ id: String(id) }}>
      {name ?? `#${id}`}
    </Link>
  );
  const columns: TableColumnsType<Entry> = [
    {
      key: 'name',
      title: t('lineage.unit'),
      render: (_, e) => (
        <span style={{ paddingInlineStart: Math.max(0, e.depth - 1) * 16 }}>
          {link(e.id, e.name)}
          <Typography.Text type="secondary"> ({e.code})</Typography.Text>
        </span>
      ),
    },
    { key: 'via', title: t('lineage.via'), render: (_, e) => <Tag>{t(`common:unitEventKind.${e.via}`)}</Tag> },
    { key: 'date', title: t('lineage.date'), render: (_, e) => formatDate(e.date) },
    { key: 'into', title: t('lineage.into'), render: (_, e) => link(e.intoId, names.get(e.intoId)) },
    {
      key: 'validity',
      title: t('unit.validity'),
      render: (_, e) =>
        t('unit.fromTo', { from: formatDate(e.validFrom), to: e.validTo ? formatDate(e.validTo) : t('unit.now') }),
    },
    { key: 'status', title: t('field.status'), render: (_, e) => <UnitStatusTag status={e.status} /> },
  ];
  if (q.isError) return <Typography.Text type="danger">{q.error.message}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('lineage.intro')}</Typography.Paragraph>
      <ListTable<Entry>
        label={t('tab.lineage')}
        rowKey={(e) => `${e.id}-${e.intoId}-${e.date}`}
        size="small"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        locale={{ emptyText: t('lineage.empty') }}
        pagination={paging.pagination(q.data?.total)}
      />
    </>
  );
}
