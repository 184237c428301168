import dayjs, { type Dayjs } from 'dayjs';
import type {
  ClassCreateInput,
  ClassHeadcount,
  ClassMode,
  ClassUpdateInput,
  Grade,
  Title,
  TrainingClass,
} from '@canbo/contract';
import { toIsoDate } from '../../../lib/format';

type HeadcountValues = { [K in keyof ClassHeadcount]-?: number | null };

/** What the class form holds: the API's field names (so the server's errors land on them), dates as dayjs. */
export interface ClassFormValues {
  name: string;
  organiserUnitId: number | null;
  kindCode: string | null;
  programmeId: number | null;
  partners: string[];
  targetTitles: Title[];
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  place: string | null;
  mode: ClassMode;
  capacity: number | null;
  decision: string | null;
  minAttendancePercent: number;
  passGrade: Grade;
  /** "Lớp đã tổ chức, chỉ có số liệu": a past class recorded by its headcount. */
  historical: boolean;
  headcount: HeadcountValues;
  /** The schemes the class serves: linked through their own route, never in the class's body. */
  schemeIds: number[];
}

const NO_HEADCOUNT: HeadcountValues = { total: null, women: null, minority: null, doan: null, hoi: null, doi: null };

/** Every field present from the start: a server error can only be put on a field the form holds. */
export function newClassValues(organiserUnitId: number | null): ClassFormValues {
  return {
    name: '',
    organiserUnitId,
    kindCode: null,
    programmeId: null,
    partners: [],
    targetTitles: [],
    startDate: null,
    endDate: null,
    place: null,
    mode: 'in_person',
    capacity: null,
    decision: null,
    minAttendancePercent: 80,
    passGrade: 'average',
    historical: false,
    headcount: NO_HEADCOUNT,
    schemeIds: [],
  };
}

export function toFormValues(c: TrainingClass): ClassFormValues {
  return {
    name: c.name,
    organiserUnitId: c.organiserUnitId,
    kindCode: c.kindCode,
    programmeId: c.programmeId,
    partners: c.partners,
    targetTitles: c.targetTitles,
    startDate: dayjs(c.startDate),
    endDate: dayjs(c.endDate),
    place: c.place,
    mode: c.mode,
    capacity: c.capacity,
    decision: c.decision,
    minAttendancePercent: c.completionRule.minAttendancePercent,
    passGrade: c.completionRule.passGrade,
    historical: c.headcount !== null,
    headcount: c.headcount
      ? {
          total: c.headcount.total,
          women: c.headcount.women ?? null,
          minority: c.headcount.minority ?? null,
          doan: c.headcount.doan ?? null,
          hoi: c.headcount.hoi ?? null,
          doi: c.headcount.doi ?? null,
        }
      : NO_HEADCOUNT,
    // filled in when the class's links arrive
    schemeIds: [],
  };
}

const blank = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

function headcountBody(h: HeadcountValues): ClassHeadcount {
  return {
    total: h.total ?? 0,
    women: h.women ?? null,
    minority: h.minority ?? null,
    doan: h.doan ?? null,
    hoi: h.hoi ?? null,
    doi: h.doi ?? null,
  };
}

/** The fields both a new class and an edit send. */
function commonBody(v: ClassFormValues) {
  return {
    name: v.name.trim(),
    partners: v.partners.map((p) => p.trim()).filter(Boolean),
    kindCode: v.kindCode ?? '',
    programmeId: v.programmeId ?? null,
    targetTitles: v.targetTitles,
    startDate: toIsoDate(v.startDate) ?? '',
    endDate: toIsoDate(v.endDate) ?? '',
    place: blank(v.place),
    mode: v.mode,
    capacity: v.capacity ?? null,
    decision: blank(v.decision),
    minAttendancePercent: v.minAttendancePercent,
    passGrade: v.passGrade,
  };
}

export function createBody(v: ClassFormValues): ClassCreateInput {
  return {
    ...commonBody(v),
    organiserUnitId: v.organiserUnitId ?? 0,
    ...(v.historical ? { headcount: headcountBody(v.headcount) } : {}),
  };
}

/** Only what changed, with the version the form was opened on (a change by someone else meanwhile → 409). */
export function updateBody(c: TrainingClass, v: ClassFormValues): ClassUpdateInput {
  const before: Record<string, unknown> = commonBody(toFormValues(c));
  const after: Record<string, unknown> = commonBody(v);
  const patch: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(after)) {
    if (JSON.stringify(val) !== JSON.stringify(before[k])) patch[k] = val;
  }
  if (c.headcount) {
    const h = headcountBody(v.headcount);
    if (JSON.stringify(h) !== JSON.stringify(headcountBody(toFormValues(c).headcount))) patch.headcount = h;
  }
  return { version: c.version, ...patch };
}

/** The last day of a class of `days` days starting on `start`. */
export function endAfter(start: Dayjs, days: number): Dayjs {
  return start.add(Math.max(days, 1) - 1, 'day');
}
