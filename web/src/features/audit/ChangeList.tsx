import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditRefFields, type AuditEntry } from '@canbo/contract';
import { HIDDEN_FIELDS, nameFieldOf, useAuditLabels } from './labels';
import { RecordLink } from './RecordLink';

type Change = AuditEntry['changes'][number];

/**
 * Field-by-field before → after of one audit entry, every field by its label and every value in
 * words: codes by their labels, ids by the names of their records (linked where the reader may open
 * them), dates as dd/mm/yyyy.
 */
export function ChangeList({ entry }: { entry: Pick<AuditEntry, 'changes' | 'action' | 'entity' | 'names'> }) {
  const { t } = useTranslation('audit');
  const { fieldLabel, formatValue } = useAuditLabels();
  const { changes, action, entity, names } = entry;
  const present = new Set(changes.map((c) => c.field));
  // An id or a code shown beside its readable name says nothing more: show the name only.
  const shown = changes.filter(
    (c) => !HIDDEN_FIELDS.has(c.field) && !(nameFieldOf(c.field) !== c.field && present.has(nameFieldOf(c.field))),
  );
  const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
  const value = (c: Change, v: unknown) => {
    const kind = auditRefFields[c.field];
    if (kind && typeof v === 'number') {
      const name = names.find((n) => n.kind === kind && n.id === v);
      if (name?.name) return <RecordLink name={{ ...name, name: name.name }} />;
    }
    return formatValue(c.field, v, { entity, names });
  };
  // A record created (or removed) has nothing on one side: show its values, not a row of "— →".
  const created = !changes.some((c) => !isEmpty(c.before));
  const removed = !created && !changes.some((c) => !isEmpty(c.after));
  if (!shown.length) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {shown.map((c) => (
        <li key={c.field} data-field={c.field} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{fieldLabel(c.field, entity)}</Typography.Text>:{' '}
          {created || action === 'create' ? (
            <Typography.Text>{value(c, c.after)}</Typography.Text>
          ) : removed || action === 'delete' ? (
            <Typography.Text delete type="secondary">
              {value(c, c.before)}
            </Typography.Text>
          ) : (
            <>
              <Typography.Text delete={!isEmpty(c.before)} type="secondary">
                {value(c, c.before)}
              </Typography.Text>{' '}
              → <Typography.Text>{value(c, c.after)}</Typography.Text>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
