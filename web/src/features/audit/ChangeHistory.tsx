import type { auditEntities } from '@canbo/contract';
import { routes } from '@canbo/contract';
import { useState } from 'react';
import { Alert, Empty, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { AUDIT_KEY } from '../../lib/queryKeys';
import { ChangeList } from './ChangeList';
import { useAuditLabels } from './labels';

/** The records an audit query can ask about. */
export type AuditEntity = (typeof auditEntities)[number];
/** The names an entry's label may carry (grants are shown inside their user's entries). */
export type AuditEntityName = AuditEntity | 'grant';

const ACTION_COLORS: Record<string, string> = { create: 'green', delete: 'red', end: 'orange', disable: 'red' };

/** Who changed a record, when, and what: newest first, a page at a time. */
export function ChangeHistory({
  entity,
  entityId,
  pageSize = 10,
}: {
  entity: AuditEntity;
  entityId: number;
  pageSize?: number;
}) {
  const { t } = useTranslation('audit');
  const { actionLabel } = useAuditLabels();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: [...AUDIT_KEY, entity, entityId, page, pageSize],
    queryFn: () => call(routes.audit.list, { query: { entity, entityId, page, pageSize, order: 'desc' } }),
  });
  if (q.error) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const items = q.data?.items ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Spin spinning={q.isFetching}>
      {!q.isLoading && !items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
      {q.isLoading && <div style={{ minHeight: 80 }} />}
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((e) => (
          <li key={e.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
              <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
              <Typography.Text>{e.actorName ?? t('common:history.system')}</Typography.Text>
              <Tag color={ACTION_COLORS[e.action]}>{actionLabel(e.action, e.entity)}</Tag>
            </Space>
            <ChangeList changes={e.changes} action={e.action} />
          </li>
        ))}
      </ol>
      {total > pageSize && (
        <Pagination
          style={{ marginTop: 12 }}
          size="small"
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </Spin>
  );
}
