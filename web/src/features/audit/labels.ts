import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';

/** Fields of the stored view that are bookkeeping, not content: never shown as a change. */
export const HIDDEN_FIELDS = new Set(['version', 'updatedAt', 'canEdit', 'nationalIdMasked', 'id', 'currentTitles']);

/** Fields whose values are enum codes, mapped to the namespace in common.ts holding their labels. */
const ENUM_FIELDS: Record<string, string> = {
  gender: 'gender',
  qualification: 'qualification',
  theoryLevel: 'theoryLevel',
  title: 'title',
  employment: 'employment',
  method: 'method',
  role: 'role',
  kind: 'unitKind',
  organisation: 'organisation',
  status: 'unitStatus',
  qualificationManual: 'qualification',
  theoryLevelManual: 'theoryLevel',
  studyKind: 'studyKind',
  studyStatus: 'studyStatus',
  studyMode: 'studyMode',
  funding: 'studyFunding',
  diplomaGrade: 'diplomaGrade',
  moveKind: 'moveKind',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Labels for fields, actions and values of audit entries, in the current language. */
export function useAuditLabels() {
  const { t } = useTranslation('audit');

  const fieldLabel = (field: string): string =>
    t(`field.${field}`, { defaultValue: '' }) || t(`extraField.${field}`, { defaultValue: '' }) || field;

  // An action named alike on two kinds of record (a unit's `move` to another parent, a cadre's to
  // another unit) reads by its record first; restructuring actions as the unit's history names its events.
  const actionLabel = (action: string, entity?: string): string =>
    (entity ? t(`entityAction.${entity}.${action}`, { defaultValue: '' }) : '') ||
    t(`action.${action}`, { defaultValue: '' }) ||
    t(`common:unitEventKind.${action}`, { defaultValue: action });

  const formatValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common:yes') : t('common:no');
    if (typeof value === 'string') {
      const ns = ENUM_FIELDS[field];
      if (ns) return t(`common:${ns}.${value}`, { defaultValue: value });
      if (isoDate.test(value)) return formatDate(value);
      if (isoDateTime.test(value)) return formatDateTime(value);
      return value;
    }
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      if (!value.length) return '—';
      return value
        .map((v) => {
          // grants: "unit: role"
          if (v && typeof v === 'object' && 'role' in v) {
            const g = v as { unitName?: string; role: string };
            return `${g.unitName ?? ''}: ${t(`common:role.${g.role}`, { defaultValue: g.role })}`;
          }
          if (v && typeof v === 'object' && 'title' in v) {
            const p = v as { title: string; unitName?: string };
            return `${t(`common:title.${p.title}`, { defaultValue: p.title })} – ${p.unitName ?? ''}`;
          }
          return typeof v === 'object' ? JSON.stringify(v) : String(v);
        })
        .join('; ');
    }
    return JSON.stringify(value);
  };

  return { fieldLabel, actionLabel, formatValue };
}
