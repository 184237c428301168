import { useState } from 'react';
import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditEntities, type AuditEntry, routes } from '@canbo/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { AUDIT_KEY } from '../../lib/queryKeys';
import type { AuditEntity, AuditEntityName } from './ChangeHistory';
import { ChangeList } from './ChangeList';
import { useAuditLabels } from './labels';

const ROUTE_OF: Partial<Record<AuditEntityName, string>> = {
  unit: '/units/$id',
  person: '/people/$id',
  user: '/users/$id',
  training_class: '/training/classes/$id',
};
/** Where each kind of record keeps its readable name in an entry. */
const NAME_FIELDS: Record<AuditEntityName, string[]> = {
  person: ['fullName'],
  unit: ['name'],
  user: ['displayName', 'login'],
  position: ['personName'],
  move: ['personName'],
  grant: ['unitName'],
  training_kind: ['name'],
  programme: ['name'],
  training_class: ['name'],
  class_session: ['topic'],
  allocation: ['unitName'],
  enrolment: ['personName'],
  certificate: ['number'],
  certificate_pattern: ['pattern'],
  study: ['personName'],
  visit_registration: ['personName'],
  visit_trip: ['personName'],
  visit_settings: [],
  scheme: ['name', 'code'],
  title_standard: ['name'],
};

/** A readable name for the record an entry is about, taken from the entry itself. */
function recordName(e: AuditEntry): string | null {
  for (const f of NAME_FIELDS[e.entity] ?? []) {
    const c = e.changes.find((x) => x.field === f);
    const v = c ? (c.after ?? c.before) : undefined;
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The change log across everything the user may see, newest first. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { actionLabel } = useAuditLabels();
  const [entity, setEntity] = useState<AuditEntity | undefined>();
  const paging = usePaging();
  const { page, pageSize } = paging;
  const q = useQuery({
    queryKey: [...AUDIT_KEY, 'log', entity, page, pageSize],
    queryFn: () => call(routes.audit.list, { query: { entity, page, pageSize, order: 'desc' } }),
    placeholderData: (prev) => prev,
  });

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select<AuditEntity>
          allowClear
          aria-label={t('entity')}
          placeholder={t('allEntities')}
          style={{ minWidth: 220 }}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            paging.restart();
          }}
          options={auditEntities.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
        />
      </Flex>
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('empty') }}
        pagination={paging.pagination(q.data?.total)}
        columns={[
          { title: t('common:history.at'), key: 'at', render: (_, e) => formatDateTime(e.at), width: 140 },
          {
            title: t('common:history.actor'),
            key: 'actor',
            render: (_, e) => e.actorName ?? t('common:history.system'),
          },
          {
            title: t('record'),
            key: 'record',
            width: 240,
            render: (_, e) => {
              const label = `${t(`entities.${e.entity}`)}: ${recordName(e) ?? `#${e.entityId}`}`;
              const to = ROUTE_OF[e.entity];
              return to ? (
                <Link to={to} params={{ id: String(e.entityId) }}>
                  {label}
                </Link>
              ) : (
                label
              );
            },
          },
          {
            title: t('common:history.action'),
            key: 'action',
            render: (_, e) => <Tag>{actionLabel(e.action, e.entity)}</Tag>,
          },
          {
            title: t('changes'),
            key: 'changes',
            render: (_, e) => (
              <div style={{ minWidth: 260 }}>
                <ChangeList changes={e.changes} action={e.action} />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
