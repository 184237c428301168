import type { SchemeCreateInput } from '@canbo/contract';

/**
 * A scheme with one target per metric, 2021–2023, issued by `issuingUnitId`, over the records of
 * `figuresData` (figures.fixtures.ts): classes by year, participations by unit (`unitA`, `unitB`).
 * Shared by the schemes' tests and the scheme-progress report's.
 */
export const everyMetricScheme = (
  issuingUnitId: number,
  unitA: number,
  unitB: number,
  code: string,
): SchemeCreateInput => ({
  name: 'Kế hoạch bồi dưỡng cán bộ Đoàn giai đoạn 2021–2023',
  code,
  issuingUnitId,
  decision: '05-KH/TĐTN',
  decisionDate: '2021-01-10',
  startYear: 2021,
  endYear: 2023,
  targets: [
    {
      metric: 'classes',
      total: 6,
      years: [
        { year: 2021, value: 2 },
        { year: 2022, value: 2 },
        { year: 2023, value: 2 },
      ],
    },
    {
      metric: 'participations',
      total: 40,
      units: [
        { unitId: unitA, value: 4 },
        { unitId: unitB, value: 50 },
      ],
    },
    { metric: 'people', total: 10 },
    { metric: 'title_training_share', title: 'secretary', withinMonths: 12, total: 90 },
    { metric: 'studies_started', studyKinds: ['university', 'master', 'doctorate'], total: 1 },
    { metric: 'studies_graduated', total: 5 },
    { metric: 'visit_days', label: 'Ngày đi cơ sở của cán bộ', total: 30 },
  ],
});
