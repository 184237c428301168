import type { Enrolment } from '@canbo/contract';
import { attendancePercent } from '../results/outcomes.ts';
import type { EnrolmentRow } from './enrolments.repository.ts';

export function toEnrolment(r: EnrolmentRow): Enrolment {
  const attended = Number(r.attended);
  const outcome = r.outcome_override ?? r.rule_outcome;
  return {
    id: r.id,
    classId: r.class_id,
    personId: r.person_id,
    personName: r.person_name,
    birthDate: r.birth_date,
    gender: r.gender,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    allocationId: r.allocation_id,
    status: r.status,
    waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
    attendedSessions: attended,
    // A class recorded after it was held has no sessions: its papers' share is what is known.
    attendancePercent:
      Number(r.sessions) === 0 ? r.attendance_percent : attendancePercent(attended, Number(r.sessions)),
    score: r.score === null ? null : Number(r.score),
    grade: r.grade,
    outcome: outcome,
    outcomeOverridden: r.outcome_override !== null,
    overrideReason: r.override_reason,
    certificateId: r.certificate_id,
    certificateNumber: r.certificate_number,
    version: r.version,
  };
}

/** What the audit log keeps of an enrolment: who, where from, on which seats, in which state. */
export type EnrolmentAudit = Pick<
  Enrolment,
  'classId' | 'personId' | 'personName' | 'unitId' | 'unitName' | 'title' | 'allocationId' | 'status'
>;

export function enrolmentAudit(e: EnrolmentAudit): EnrolmentAudit {
  return {
    classId: e.classId,
    personId: e.personId,
    personName: e.personName,
    unitId: e.unitId,
    unitName: e.unitName,
    title: e.title,
    allocationId: e.allocationId,
    status: e.status,
  };
}
