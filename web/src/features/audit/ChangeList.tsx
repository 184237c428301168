import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@canbo/contract';
import { HIDDEN_FIELDS, useAuditLabels } from './labels';

/** A code shown beside its readable name says nothing more: show the name only. */
const NAMED_BY: Record<string, string> = {
  unitId: 'unitName',
  ethnicityCode: 'ethnicityName',
  personId: 'personName',
  parentId: 'parentName',
  fromUnitId: 'fromUnitName',
  toUnitId: 'toUnitName',
};

/** Field-by-field before → after of one audit entry. */
export function ChangeList({ changes, action }: { changes: AuditEntry['changes']; action?: string }) {
  const { t } = useTranslation('audit');
  const { fieldLabel, formatValue } = useAuditLabels();
  const present = new Set(changes.map((c) => c.field));
  const shown = changes.filter((c) => !HIDDEN_FIELDS.has(c.field) && !present.has(NAMED_BY[c.field] ?? ''));
  const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
  // A record created (or removed) has nothing on one side: show its values, not a row of "— →".
  const created = action === 'create';
  const removed = action === 'delete';
  if (!shown.length) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {shown.map((c) => (
        <li key={c.field} data-field={c.field} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{fieldLabel(c.field)}</Typography.Text>:{' '}
          {created ? (
            <Typography.Text>{formatValue(c.field, c.after)}</Typography.Text>
          ) : removed ? (
            <Typography.Text delete type="secondary">
              {formatValue(c.field, c.before)}
            </Typography.Text>
          ) : (
            <>
              <Typography.Text delete={!isEmpty(c.before)} type="secondary">
                {formatValue(c.field, c.before)}
              </Typography.Text>{' '}
              → <Typography.Text>{formatValue(c.field, c.after)}</Typography.Text>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
