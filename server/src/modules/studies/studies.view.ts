import type { Study } from '@canbo/contract';
import type { StudyRow } from './studies.repository.ts';

export function toStudy(r: StudyRow): Study {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    studyKind: r.kind,
    studyStatus: r.status,
    decision: r.decision,
    decisionDate: r.decision_date,
    institution: r.institution,
    major: r.major,
    studyMode: r.mode,
    startDate: r.start_date,
    expectedEndDate: r.expected_end_date,
    endDate: r.end_date,
    funding: r.funding,
    diplomaNumber: r.diploma_number,
    diplomaGrade: r.grade,
    reason: r.reason,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updated_at,
    canEdit: r.can_edit === 1,
  };
}

/** The study as the audit log keeps it: its fields, nothing that depends on the reader. */
export function auditView(r: StudyRow) {
  const { canEdit: _c, version: _v, updatedAt: _u, ...fields } = toStudy(r);
  return fields;
}
