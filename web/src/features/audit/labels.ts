import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { auditRefFields, type AuditEntity, type AuditName } from '@canbo/contract';
import { formatDate, formatDateTime } from '../../lib/format';

/** Fields of the stored view that are bookkeeping, not content: never shown as a change. */
export const HIDDEN_FIELDS = new Set([
  'version',
  'updatedAt',
  'canEdit',
  'nationalIdMasked',
  'id',
  'currentTitles',
  // the row's link to the seats it fills: the unit beside it says the same in words
  'allocationId',
  // a certificate's trainee, named by personName in the same row
  'enrolmentId',
  // a scheme target's own bookkeeping
  'position',
  'displayLabel',
]);

/** The field of a view holding the name of what an id or a code points to (`unitId` → `unitName`). */
export const nameFieldOf = (field: string): string => field.replace(/(Id|Code)$/, 'Name');

/**
 * Fields whose values are enum codes, and the i18n keys holding their words (the contract's labels
 * in Vietnamese, their English beside them). A field named alike on two records (`status`, `kind`)
 * reads by its record first.
 */
const ENUM_FIELDS: Record<string, string> = {
  gender: 'common:gender',
  qualification: 'common:qualification',
  theoryLevel: 'common:theoryLevel',
  qualificationManual: 'common:qualification',
  theoryLevelManual: 'common:theoryLevel',
  minQualification: 'common:qualification',
  minTheoryLevel: 'common:theoryLevel',
  title: 'common:title',
  targetTitles: 'common:title',
  employment: 'common:employment',
  method: 'common:method',
  role: 'common:role',
  kind: 'common:unitKind',
  organisation: 'common:organisation',
  studyKind: 'common:studyKind',
  studyKinds: 'common:studyKind',
  studyStatus: 'common:studyStatus',
  studyMode: 'common:studyMode',
  funding: 'common:studyFunding',
  diplomaGrade: 'common:diplomaGrade',
  moveKind: 'common:moveKind',
  level: 'training:classLevel',
  organiserLevel: 'training:classLevel',
  mode: 'training:classMode',
  part: 'training:sessionPart',
  grade: 'training:grade',
  passGrade: 'training:grade',
  outcome: 'training:outcome',
  ruleOutcome: 'training:outcome',
  outcomeOverride: 'training:outcome',
  metric: 'schemes:metric',
  dayCounting: 'audit:dayCounting',
};
const ENTITY_ENUM_FIELDS: Partial<Record<AuditEntity, Record<string, string>>> = {
  unit: { status: 'common:unitStatus' },
  training_class: { status: 'training:classStatus' },
  enrolment: { status: 'training:enrolmentStatus' },
  certificate: { status: 'training:certStatus' },
};

/** The i18n key prefix of a field's coded values, if it has any. */
export function enumOf(field: string, entity?: AuditEntity): string | undefined {
  return (entity && ENTITY_ENUM_FIELDS[entity]?.[field]) ?? ENUM_FIELDS[field];
}

/**
 * A trainee's attendance is stored by session, under the session's day and part as the server wrote
 * them in Vietnamese, with its id: "13/06/2023 Sáng (#1)". Read back as a day and a part in the
 * reader's language; the id is never shown.
 */
const SESSION_FIELD = /^(\d{2}\/\d{2}\/\d{4}) (.+?) \(#\d+\)$/;
const PART_OF_WORD: Record<string, string> = {
  Sáng: 'morning',
  Chiều: 'afternoon',
  Tối: 'evening',
  'Cả ngày': 'full_day',
};
export const isSessionField = (field: string): boolean => SESSION_FIELD.test(field);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a value is read against: its record and the names the server gave the ids it holds. */
export interface ValueContext {
  entity?: AuditEntity;
  names?: readonly AuditName[];
}

/** Labels for fields, actions and values of audit entries, in the language `t` speaks. */
export function auditLabels(t: TFunction) {
  const fieldLabel = (field: string, entity?: AuditEntity): string => {
    const session = SESSION_FIELD.exec(field);
    if (session) {
      const part = PART_OF_WORD[session[2] ?? ''];
      return t('audit:sessionField', {
        date: session[1],
        part: part ? t(`training:sessionPart.${part}`) : session[2],
      });
    }
    return (
      (entity ? t(`audit:entityField.${entity}.${field}`, { defaultValue: '' }) : '') ||
      t(`audit:moreField.${field}`, { defaultValue: '' }) ||
      t(`audit:extraField.${field}`, { defaultValue: '' }) ||
      t(`audit:field.${field}`, { defaultValue: '' }) ||
      field
    );
  };

  // An action named alike on two kinds of record (a unit's `move` to another parent, a cadre's to
  // another unit) reads by its record first; restructuring actions as the unit's history names its events.
  const actionLabel = (action: string, entity?: string): string =>
    (entity ? t(`audit:entityAction.${entity}.${action}`, { defaultValue: '' }) : '') ||
    (entity ? t(`audit:moreEntityAction.${entity}.${action}`, { defaultValue: '' }) : '') ||
    t(`audit:action.${action}`, { defaultValue: '' }) ||
    t(`audit:moreAction.${action}`, { defaultValue: '' }) ||
    t(`common:unitEventKind.${action}`, { defaultValue: action });

  /** The name an id stands for: as the server named it, or "outside your scope". */
  const refName = (field: string, id: number, c: ValueContext): string | undefined => {
    const kind = auditRefFields[field];
    if (!kind) return undefined;
    const n = c.names?.find((x) => x.kind === kind && x.id === id);
    return n?.name ?? t('audit:outOfScope');
  };

  /** An object of the stored view read as "label: value" pairs, every nested code in words. */
  const formatObject = (field: string, o: Record<string, unknown>, c: ValueContext): string => {
    if (field === 'completionRule') {
      const parts = [];
      if (typeof o.minAttendancePercent === 'number')
        parts.push(t('audit:rule.attendance', { percent: o.minAttendancePercent }));
      if (typeof o.passGrade === 'string')
        parts.push(t('audit:rule.grade', { grade: t(`training:grade.${o.passGrade}`, { defaultValue: o.passGrade }) }));
      return parts.join(', ') || '—';
    }
    // grants: "unit: role"
    if ('role' in o && typeof o.role === 'string') {
      return `${typeof o.unitName === 'string' ? o.unitName : ''}: ${t(`common:role.${o.role}`, { defaultValue: o.role })}`;
    }
    // a scheme's target: by its own words and its figure for the whole period
    const label = o.displayLabel ?? o.label;
    if (typeof label === 'string' && label) {
      return typeof o.total === 'number' ? `${label} (${o.total})` : label;
    }
    if ('title' in o && typeof o.title === 'string' && 'unitName' in o) {
      return `${t(`common:title.${o.title}`, { defaultValue: o.title })} – ${typeof o.unitName === 'string' ? o.unitName : ''}`;
    }
    const shown = Object.entries(o).filter(
      ([k, v]) =>
        !HIDDEN_FIELDS.has(k) &&
        v !== null &&
        v !== undefined &&
        !(Array.isArray(v) && !v.length) &&
        !(auditRefFields[k] && typeof o[nameFieldOf(k)] === 'string'),
    );
    if (!shown.length) return '—';
    return shown.map(([k, v]) => `${fieldLabel(k, c.entity)}: ${formatValue(k, v, c)}`).join(', ');
  };

  const formatValue = (field: string, value: unknown, c: ValueContext = {}): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common:yes') : t('common:no');
    if (isSessionField(field) && typeof value === 'string') return t(`training:mark.${value}`, { defaultValue: value });
    if (typeof value === 'string') {
      const ns = enumOf(field, c.entity);
      if (ns) return t(`${ns}.${value}`, { defaultValue: value });
      if (isoDate.test(value)) return formatDate(value);
      if (isoDateTime.test(value)) return formatDateTime(value);
      return value;
    }
    // A year or a count reads as written; a large figure (a file's size) with its thousands marked.
    if (typeof value === 'number')
      return (
        refName(field, value, c) ??
        (Math.abs(value) < 10000
          ? String(value).replace('.', t('audit:decimal'))
          : value.toLocaleString(t('audit:locale')))
      );
    if (Array.isArray(value)) {
      if (!value.length) return '—';
      return value.map((v) => formatValue(field, v, c)).join('; ');
    }
    if (isRecord(value)) return formatObject(field, value, c);
    // nothing else is stored in a view (bigint, symbol, function never are)
    return '—';
  };

  return { fieldLabel, actionLabel, formatValue };
}

/** auditLabels in the current language. */
export function useAuditLabels() {
  const { t } = useTranslation('audit');
  return auditLabels(t);
}
