import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Space, Switch, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitTreeNode } from '@canbo/contract';
import { call } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useFixedPaging } from '../../lib/paging';
import { unitKeys } from './api';
import { UnitStatusTag } from './UnitStatusTag';
import { ListTable } from '../../lib/ListTable';

const PAGE_SIZE = 50;

/** The unit's direct sub-units today, a page at a time; optionally with the dissolved ones. */
export function UnitChildrenTab({ unitId }: { unitId: number }) {
  const { t } = useTranslation('units');
  const paging = useFixedPaging(PAGE_SIZE);
  const { page } = paging;
  const [ended, setEnded] = useState(false);
  const q = useQuery({
    queryKey: [...unitKeys.tree(unitId, null, ended), page],
    queryFn: () =>
      call(routes.units.tree, {
        query: { parentId: unitId, includeEnded: ended || undefined, page, pageSize: PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<UnitTreeNode> = [
    {
      key: 'name',
      title: t('field.name'),
      render: (_, u) => (
        <Link to="/units/$id" params={{ id: String(u.id) }}>
          {u.name}
        </Link>
      ),
    },
    { key: 'code', dataIndex: 'code', title: t('field.code') },
    { key: 'kind', title: t('field.kind'), render: (_, u) => t(`common:unitKind.${u.kind}`) },
    { key: 'status', title: t('field.status'), render: (_, u) => <UnitStatusTag status={u.status} /> },
    { key: 'validFrom', title: t('field.validFrom'), render: (_, u) => formatDate(u.validFrom) },
    { key: 'validTo', title: t('field.validTo'), render: (_, u) => formatDate(u.validTo) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch
          size="small"
          checked={ended}
          aria-label={t('tree.includeEnded')}
          onChange={(v) => {
            setEnded(v);
            paging.restart();
          }}
        />
        <Typography.Text type="secondary">{t('tree.includeEnded')}</Typography.Text>
      </Space>
      {q.isError ? (
        <Typography.Text type="danger">{q.error.message}</Typography.Text>
      ) : (
        <ListTable<UnitTreeNode>
          label={t('tab.children')}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          locale={{ emptyText: t('children.empty') }}
          pagination={paging.pagination(q.data?.total)}
        />
      )}
    </Space>
  );
}
