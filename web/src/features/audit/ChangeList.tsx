import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@canbo/contract';
import { HIDDEN_FIELDS, useAuditLabels } from './labels';

/** Field-by-field before → after of one audit entry. */
export function ChangeList({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useTranslation('audit');
  const { fieldLabel, formatValue } = useAuditLabels();
  const shown = changes.filter((c) => !HIDDEN_FIELDS.has(c.field));
  if (!shown.length) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {shown.map((c) => (
        <li key={c.field} data-field={c.field} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{fieldLabel(c.field)}</Typography.Text>:{' '}
          <Typography.Text delete={c.before !== null && c.before !== undefined} type="secondary">
            {formatValue(c.field, c.before)}
          </Typography.Text>{' '}
          → <Typography.Text>{formatValue(c.field, c.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
