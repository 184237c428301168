import type { auditEntities, AuditRefKind } from '@canbo/contract';
import { routes } from '@canbo/contract';
import { useState } from 'react';
import { Alert, Empty, Pagination, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { AUDIT_KEY } from '../../lib/queryKeys';
import { AuditEntries } from './AuditEntries';

/** The records an audit query can ask about. */
export type AuditEntity = (typeof auditEntities)[number];
/** The names an entry's label may carry (grants are shown inside their user's entries). */
export type AuditEntityName = AuditEntity | 'grant';

/** The page a record's history is shown on: its entries need not link back to it. */
const PAGE_KIND: Partial<Record<AuditEntity, AuditRefKind>> = {
  unit: 'unit',
  person: 'person',
  user: 'user',
  training_class: 'training_class',
  scheme: 'scheme',
  study: 'study',
};

/**
 * Who changed a record, when, and what: newest first, a page at a time. A class's history holds its
 * sessions', seats', trainees' and certificates' entries too.
 */
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
  const [page, setPage] = useState(1);
  const query =
    entity === 'training_class'
      ? { classId: entityId }
      : ({ entity, entityId } as { entity: AuditEntity; entityId: number });
  const q = useQuery({
    queryKey: [...AUDIT_KEY, entity, entityId, page, pageSize],
    queryFn: () => call(routes.audit.list, { query: { ...query, page, pageSize, order: 'desc' } }),
  });
  const kind = PAGE_KIND[entity];
  if (q.error) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const items = q.data?.items ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Spin spinning={q.isFetching}>
      {!q.isLoading && !items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
      {q.isLoading && <div style={{ minHeight: 80 }} />}
      <AuditEntries items={items} within={kind ? { kind, id: entityId } : undefined} />
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
