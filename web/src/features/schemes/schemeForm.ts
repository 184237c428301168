import dayjs, { type Dayjs } from 'dayjs';
import {
  SCHEME_MAX_YEARS,
  type ClassLevel,
  type Scheme,
  type SchemeCreateInput,
  type SchemeMetric,
  type SchemeTargetInput,
  type SchemeUpdateInput,
  type StudyKind,
  type Title,
} from '@canbo/contract';
import { ApiError } from '../../api/client';
import { toIsoDate } from '../../lib/format';

/** The filters a target may carry; which of them a metric uses is `METRIC_FILTERS`. */
export type TargetFilter =
  'kindCode' | 'title' | 'organiserLevel' | 'unitId' | 'studyKinds' | 'withinMonths' | 'linkedOnly';

/** Only the filters a metric counts by are shown for it (and sent). */
export const METRIC_FILTERS: Record<SchemeMetric, readonly TargetFilter[]> = {
  // a class's title is one of its target titles; a trainee's, the title held when nominated
  classes: ['kindCode', 'organiserLevel', 'title', 'unitId', 'linkedOnly'],
  participations: ['kindCode', 'organiserLevel', 'title', 'unitId', 'linkedOnly'],
  people: ['kindCode', 'organiserLevel', 'title', 'unitId', 'linkedOnly'],
  // the kind of the title training (the "title" kind unless another is chosen)
  title_training_share: ['title', 'withinMonths', 'kindCode', 'unitId'],
  studies_started: ['studyKinds', 'unitId', 'linkedOnly'],
  studies_graduated: ['studyKinds', 'unitId', 'linkedOnly'],
  // the level of the cadre's unit when the trip was logged
  visit_days: ['organiserLevel', 'unitId'],
};

/** A target as the form holds it: a value per year of the period, keyed by the year. */
export interface TargetValues {
  id?: number;
  metric: SchemeMetric | null;
  label: string | null;
  kindCode: string | null;
  title: Title | null;
  organiserLevel: ClassLevel | null;
  unitId: number | null;
  studyKinds: StudyKind[];
  withinMonths: number | null;
  linkedOnly: boolean;
  total: number | null;
  /** The target of each year, keyed by `yearKey`. */
  yearValues: Record<string, number | null>;
  /** The optional per-unit targets, one row each (both filled before the form is sent). */
  units: UnitValue[];
}

/** A per-unit target as the form holds it: a row the user has added, maybe not filled in yet. */
export interface UnitValue {
  unitId: number | null;
  value: number | null;
}

export const newUnitValue = (): UnitValue => ({ unitId: null, value: null });

export interface SchemeFormValues {
  name: string;
  code: string;
  issuingUnitId: number | null;
  decision: string | null;
  decisionDate: Dayjs | null;
  startYear: number | null;
  endYear: number | null;
  description: string | null;
  targets: TargetValues[];
}

/** The form's key of a year's value (a word: a number would read as a list index). */
export const yearKey = (year: number) => `y${year}`;

export function newTarget(): TargetValues {
  return {
    metric: null,
    label: null,
    kindCode: null,
    title: null,
    organiserLevel: null,
    unitId: null,
    studyKinds: [],
    withinMonths: null,
    linkedOnly: false,
    total: null,
    yearValues: {},
    units: [],
  };
}

export function newSchemeValues(issuingUnitId: number | null): SchemeFormValues {
  return {
    name: '',
    code: '',
    issuingUnitId,
    decision: null,
    decisionDate: null,
    startYear: null,
    endYear: null,
    description: null,
    targets: [],
  };
}

export function toFormValues(s: Scheme): SchemeFormValues {
  return {
    name: s.name,
    code: s.code,
    issuingUnitId: s.issuingUnitId,
    decision: s.decision,
    decisionDate: s.decisionDate ? dayjs(s.decisionDate) : null,
    startYear: s.startYear,
    endYear: s.endYear,
    description: s.description,
    targets: s.targets.map((t) => ({
      id: t.id,
      metric: t.metric,
      label: t.label,
      kindCode: t.kindCode,
      title: t.title,
      organiserLevel: t.organiserLevel,
      unitId: t.unitId,
      studyKinds: t.studyKinds ?? [],
      withinMonths: t.withinMonths,
      linkedOnly: t.linkedOnly,
      total: t.total,
      yearValues: Object.fromEntries(t.years.map((y) => [yearKey(y.year), y.value])),
      units: t.units.map((u) => ({ unitId: u.unitId, value: u.value })),
    })),
  };
}

/** The years of a period, when it is a sensible one. */
export function periodYears(start: number | null | undefined, end: number | null | undefined): number[] {
  if (!start || !end || end < start || end - start >= SCHEME_MAX_YEARS) return [];
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

const blank = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

/** A target's body: the filters its metric does not use are left out, the years kept within the period. */
export function targetBody(t: TargetValues, years: number[]): SchemeTargetInput {
  const metric = t.metric!;
  const uses = new Set(METRIC_FILTERS[metric]);
  return {
    ...(t.id ? { id: t.id } : {}),
    metric,
    label: blank(t.label),
    kindCode: uses.has('kindCode') ? (t.kindCode ?? null) : null,
    title: uses.has('title') ? t.title : null,
    organiserLevel: uses.has('organiserLevel') ? t.organiserLevel : null,
    unitId: uses.has('unitId') ? t.unitId : null,
    studyKinds: uses.has('studyKinds') && t.studyKinds.length ? t.studyKinds : null,
    withinMonths: uses.has('withinMonths') ? t.withinMonths : null,
    linkedOnly: uses.has('linkedOnly') ? t.linkedOnly : false,
    total: t.total ?? 0,
    years: years.flatMap((year) => {
      const value = t.yearValues[yearKey(year)];
      return value == null ? [] : [{ year, value }];
    }),
    // every row is sent (the form requires both fields), so the server's "units.M" is the form's row M
    units: t.units.map((u) => ({ unitId: u.unitId ?? 0, value: u.value ?? 0 })),
  };
}

export function createBody(v: SchemeFormValues): SchemeCreateInput {
  const years = periodYears(v.startYear, v.endYear);
  return {
    name: v.name.trim(),
    code: v.code.trim(),
    issuingUnitId: v.issuingUnitId ?? 0,
    decision: blank(v.decision),
    decisionDate: toIsoDate(v.decisionDate),
    startYear: v.startYear ?? 0,
    endYear: v.endYear ?? 0,
    description: blank(v.description),
    targets: v.targets.map((t) => targetBody(t, years)),
  };
}

/** The whole scheme with the version the form was opened on (someone else's change meanwhile → 409). */
export function updateBody(s: Scheme, v: SchemeFormValues): SchemeUpdateInput {
  return { version: s.version, ...createBody(v) };
}

/**
 * The server names a year's value by its place in the list sent ("targets.0.years.1.value"); the
 * form holds it by the year. Rewrites such names so the message lands on the field it is about.
 */
export function onFormFields(err: unknown, body: SchemeCreateInput): unknown {
  if (!(err instanceof ApiError)) return err;
  const rename = (field: string) => {
    const m = /^targets\.(\d+)\.years\.(\d+)(?:\.\w+)?$/.exec(field);
    const year = m ? body.targets?.[Number(m[1])]?.years?.[Number(m[2])]?.year : undefined;
    return m && year !== undefined ? `targets.${m[1]}.yearValues.${yearKey(year)}` : field;
  };
  const fields = Array.isArray(err.details.fields)
    ? (err.details.fields as { field: string; message: string }[]).map((f) => ({ ...f, field: rename(f.field) }))
    : undefined;
  const details = {
    ...err.details,
    ...(err.field ? { field: rename(err.field) } : {}),
    ...(fields ? { fields } : {}),
  };
  return new ApiError(err.status, err.code, err.message, details, err.retryAfter);
}
