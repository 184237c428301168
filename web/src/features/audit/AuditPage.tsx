import { useState } from 'react';
import { Alert, Empty, Flex, Pagination, Select, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditEntities, routes } from '@canbo/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { usePaging } from '../../lib/paging';
import { AUDIT_KEY } from '../../lib/queryKeys';
import type { AuditEntity } from './ChangeHistory';
import { AuditEntries } from './AuditEntries';

/** The change log across everything the user may see, newest first. */
export function AuditPage() {
  const { t } = useTranslation('audit');
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
      <Spin spinning={q.isFetching}>
        {!q.isLoading && !q.data?.items.length && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
        )}
        <AuditEntries items={q.data?.items ?? []} />
        <Pagination style={{ marginTop: 12 }} size="small" {...paging.pagination(q.data?.total)} />
      </Spin>
    </div>
  );
}
