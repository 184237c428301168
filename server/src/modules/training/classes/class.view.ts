import type { ClassHeadcount, Title, TrainingClass } from '@canbo/contract';
import type { ClassRow } from './class.repository.ts';

/** The reported headcount of a historical class; null for a class with a named roster. */
export function headcountOf(r: ClassRow): ClassHeadcount | null {
  if (r.headcount_total === null) return null;
  return {
    total: r.headcount_total,
    women: r.headcount_women,
    minority: r.headcount_minority,
    doan: r.headcount_doan,
    hoi: r.headcount_hoi,
    doi: r.headcount_doi,
  };
}

export function toClass(r: ClassRow): TrainingClass {
  return {
    id: r.id,
    name: r.name,
    organiserUnitId: r.organiser_unit_id,
    organiserUnitName: r.organiser_unit_name,
    level: r.level,
    partners: JSON.parse(r.partners) as string[],
    kindCode: r.kind_code,
    kindName: r.kind_name,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    targetTitles: JSON.parse(r.target_titles) as Title[],
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    mode: r.mode,
    capacity: r.capacity,
    decision: r.decision,
    status: r.status,
    headcount: headcountOf(r),
    completionRule: { minAttendancePercent: r.min_attendance_percent, passGrade: r.pass_grade },
    seatsAllocated: r.seats_allocated,
    seated: r.seated,
    waitlisted: r.waitlisted,
    sessionCount: r.session_count,
    version: r.version,
    canManage: r.can_manage === 1,
    readsAll: r.reads_all === 1,
  };
}

/** The class as the audit log keeps it: what was typed in, not the counts nor what depends on the reader. */
export function auditView(r: ClassRow) {
  const {
    canManage: _c,
    readsAll: _r,
    version: _v,
    seatsAllocated: _a,
    seated: _s,
    waitlisted: _w,
    sessionCount: _n,
    ...fields
  } = toClass(r);
  return fields;
}
