import type { Scheme, SchemeProgress, SchemeTarget } from '@canbo/contract';

/** A target as the API returns it, for the component tests. */
export function aTarget(over: Partial<SchemeTarget> = {}): SchemeTarget {
  return {
    id: 11,
    position: 1,
    metric: 'studies_started',
    label: null,
    displayLabel: 'Số cán bộ được cử đi học',
    kindCode: null,
    kindName: null,
    title: null,
    organiserLevel: null,
    unitId: null,
    unitName: null,
    studyKinds: ['university', 'master', 'doctorate'],
    withinMonths: null,
    linkedOnly: true,
    total: 60,
    years: [
      { year: 2018, value: 12 },
      { year: 2019, value: 12 },
    ],
    units: [],
    ...over,
  };
}

/** A scheme as the API returns it. */
export function aScheme(over: Partial<Scheme> = {}): Scheme {
  return {
    id: 3,
    name: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
    code: 'ĐA-2018',
    issuingUnitId: 2,
    issuingUnitName: 'Tỉnh đoàn Đắk Nông',
    decision: '05-ĐA/TĐTN',
    decisionDate: '2018-03-15',
    startYear: 2018,
    endYear: 2022,
    description: null,
    targets: [aTarget()],
    linkedClasses: 0,
    linkedStudies: 159,
    version: 4,
    updatedAt: '2026-01-01T00:00:00Z',
    canEdit: true,
    ...over,
  };
}

const cell = { numerator: null, denominator: null };

/** The scheme's progress with one target: 65 of 60, achieved; per year (2019 fell short, 2020 had no target). */
export function aProgress(): SchemeProgress {
  return {
    schemeId: 3,
    asOf: '2026-12-04',
    elapsedPercent: 100,
    targets: [
      {
        targetId: 11,
        metric: 'studies_started',
        displayLabel: 'Số cán bộ được cử đi học',
        isShare: false,
        target: 60,
        actual: 65,
        percent: 108.3,
        status: 'achieved',
        ...cell,
        years: [
          { year: 2018, target: 12, actual: 14, percent: 116.7, status: 'achieved', ...cell },
          { year: 2019, target: 12, actual: 9, percent: 75, status: 'not_achieved', ...cell },
          { year: 2020, target: null, actual: 11, percent: null, status: null, ...cell },
        ],
        units: [],
      },
    ],
  };
}
