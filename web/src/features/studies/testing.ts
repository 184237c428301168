import type { Study } from '@canbo/contract';

/** A study as the API returns it, for the component tests. */
export function aStudy(over: Partial<Study> = {}): Study {
  return {
    id: 1,
    personId: 9,
    personName: 'Y Ngông Niê Kdăm',
    unitId: 5,
    unitName: 'Huyện đoàn Cư Jút',
    studyKind: 'theory_intermediate',
    studyStatus: 'studying',
    decision: '15-QĐ/TĐTN',
    decisionDate: '2019-08-20',
    institution: 'Trường Chính trị tỉnh Đắk Nông',
    major: null,
    studyMode: 'part_time',
    startDate: '2019-09-01',
    expectedEndDate: '2020-08-31',
    endDate: null,
    funding: 'state',
    diplomaNumber: null,
    diplomaGrade: null,
    reason: null,
    notes: null,
    version: 2,
    updatedAt: '2026-01-01T00:00:00Z',
    canEdit: true,
    ...over,
  };
}
