import { Tag, Typography } from 'antd';
import { routes } from '@canbo/contract';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitEvent } from '@canbo/contract';
import { call } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useFixedPaging } from '../../lib/paging';
import { unitKeys } from './api';
import { EventDetails } from './EventDetails';
import { ListTable } from '../../lib/ListTable';

const PAGE_SIZE = 20;
const colors: Partial<Record<UnitEvent['kind'], string>> = {
  create: 'green',
  rename: 'blue',
  move: 'cyan',
  merge: 'purple',
  split: 'magenta',
  dissolve: 'red',
  interim: 'orange',
  activate: 'lime',
};

/** The unit's organisational history: each dated restructuring with its decision, newest first. */
export function UnitEventsTab({ unitId }: { unitId: number }) {
  const { t } = useTranslation('units');
  const paging = useFixedPaging(PAGE_SIZE);
  const { page } = paging;
  const q = useQuery({
    queryKey: unitKeys.events(unitId, page),
    queryFn: () =>
      call(routes.units.events, {
        params: { id: unitId },
        query: { page, pageSize: PAGE_SIZE, order: 'desc' },
      }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<UnitEvent> = [
    { key: 'date', title: t('events.date'), render: (_, e) => formatDate(e.date), width: 110 },
    {
      key: 'kind',
      title: t('events.kind'),
      render: (_, e) => <Tag color={colors[e.kind]}>{t(`common:unitEventKind.${e.kind}`)}</Tag>,
    },
    { key: 'decision', dataIndex: 'decision', title: t('events.decision') },
    { key: 'details', title: t('events.details'), render: (_, e) => <EventDetails event={e} /> },
    { key: 'note', dataIndex: 'note', title: t('events.note') },
    { key: 'actor', dataIndex: 'actorName', title: t('events.actor') },
  ];
  if (q.isError) return <Typography.Text type="danger">{q.error.message}</Typography.Text>;
  return (
    <ListTable<UnitEvent>
      label={t('tab.events')}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isFetching}
      locale={{ emptyText: t('events.empty') }}
      pagination={paging.pagination(q.data?.total)}
    />
  );
}
