import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditName } from '@canbo/contract';
import { formatDateTime } from '../../lib/format';
import { ChangeList } from './ChangeList';
import { RecordLink } from './RecordLink';
import { useAuditLabels } from './labels';

const ACTION_COLORS: Record<string, string> = { create: 'green', delete: 'red', end: 'orange', disable: 'red' };

/**
 * The one renderer of change log entries, for the change log page and every record's history: who,
 * when, what was done to which record (by name, with its page), and what changed. Each entry is a
 * block of its own, so on a phone nothing of it is off-screen.
 */
export function AuditEntries({
  items,
  within,
}: {
  items: readonly AuditEntry[];
  within?: Pick<AuditName, 'kind' | 'id'>;
}) {
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="audit-entries">
      {items.map((e) => (
        <li key={e.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="audit-entry">
          <EntryHead entry={e} within={within} />
          <ChangeList entry={e} />
        </li>
      ))}
    </ol>
  );
}

function EntryHead({ entry: e, within }: { entry: AuditEntry; within?: Pick<AuditName, 'kind' | 'id'> }) {
  const { t } = useTranslation('audit');
  const { actionLabel } = useAuditLabels();
  const page = e.record.page;
  const onThisPage = !!page && !!within && page.kind === within.kind && page.id === within.id;
  // A record that is its page's own (a cadre, a class) links by its name; a trainee's names its class beside.
  const isOwnPage = !!page && page.name !== null && e.record.name === page.name;
  const recordName = e.record.name ?? t('outOfScope');
  return (
    <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
      <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
      <Typography.Text>{e.actorName ?? t('common:history.system')}</Typography.Text>
      <Tag color={ACTION_COLORS[e.action]}>{actionLabel(e.action, e.entity)}</Tag>
      {!(onThisPage && isOwnPage) && (
        <Typography.Text data-testid="audit-record">
          {t(`entities.${e.entity}`)}:{' '}
          {isOwnPage && page?.name ? <RecordLink name={{ ...page, name: page.name }} /> : recordName}
          {!isOwnPage && !onThisPage && page?.name && (
            <>
              {' · '}
              <RecordLink name={{ ...page, name: page.name }} />
            </>
          )}
        </Typography.Text>
      )}
    </Space>
  );
}
