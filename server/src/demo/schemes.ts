import type { StudyKind } from '@canbo/contract';
import { createScheme, setStudySchemes } from '../modules/schemes/schemes.service.ts';
import { listStudies } from '../modules/studies/studies.service.ts';
import { unitId, type Loader } from './loader.ts';
import { DEMO_STUDIES_2018_2022 } from './studies.ts';

/** The article's 2018–2022 scheme: its two study targets come out as exactly 65 and 94. */
export const DEMO_SCHEME_2018 = {
  code: 'ĐA-05/2018',
  name: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
  degrees: ['university', 'master', 'doctorate'] as StudyKind[],
  theory: ['theory_intermediate', 'theory_advanced'] as StudyKind[],
} as const;
export const DEMO_SCHEME_DIGITAL = 'KH-12/2022';
export const DEMO_SCHEME_2023 = 'ĐA-03/2023';

const years = (from: number, to: number, value: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value }));

/**
 * Three schemes of the demo, entered through the service as the organisation board would:
 * Đắk Nông's 2018–2022 scheme with its period's study records linked to it (65 degrees, 94
 * political theory), Lâm Đồng's 2022–2027 digital skills plan and Đắk Nông's 2023–2027 cadre
 * training scheme, both counted by filter, so their progress moves with the records.
 */
export async function addSchemes(l: Loader): Promise<void> {
  const dakNong = unitId(l, 'DNO');
  const lamDong = unitId(l, 'LDO');
  const { from, to } = DEMO_STUDIES_2018_2022;

  const s2018 = await createScheme(l.ctx, l.actor, {
    name: DEMO_SCHEME_2018.name,
    code: DEMO_SCHEME_2018.code,
    issuingUnitId: dakNong,
    decision: 'Đề án số 05-ĐA/TĐTN',
    decisionDate: '2018-03-26',
    startYear: from,
    endYear: to,
    description:
      'Cử cán bộ đoàn, hội, đội đi đào tạo đại học, sau đại học và lý luận chính trị trung cấp, cao cấp; bồi dưỡng nghiệp vụ hằng năm.',
    targets: [
      {
        metric: 'studies_started',
        label: 'Cán bộ được cử đi đào tạo đại học, sau đại học',
        studyKinds: [...DEMO_SCHEME_2018.degrees],
        linkedOnly: true,
        total: 60,
        years: years(from, to, 12),
      },
      {
        metric: 'studies_started',
        label: 'Cán bộ được cử đi học lý luận chính trị trung cấp, cao cấp',
        studyKinds: [...DEMO_SCHEME_2018.theory],
        linkedOnly: true,
        total: 90,
        years: years(from, to, 18),
      },
      {
        metric: 'studies_graduated',
        label: 'Cán bộ tốt nghiệp trong giai đoạn',
        linkedOnly: true,
        total: 120,
      },
    ],
  });
  // The period's studies of those kinds serve the scheme.
  for (let year = from; year <= to; year++) {
    for (let page = 1; ; page++) {
      const list = await listStudies(l.ctx, l.actor, { yearStarted: year, page, pageSize: 200 });
      for (const study of list.items) {
        if (![...DEMO_SCHEME_2018.degrees, ...DEMO_SCHEME_2018.theory].includes(study.studyKind)) continue;
        await setStudySchemes(l.ctx, l.actor, { id: study.id, schemeIds: [s2018.id] });
      }
      if (page * 200 >= list.total) break;
    }
  }

  await createScheme(l.ctx, l.actor, {
    name: 'Nâng cao năng lực số cho thanh thiếu niên, cán bộ Đoàn giai đoạn 2022–2027',
    code: DEMO_SCHEME_DIGITAL,
    issuingUnitId: lamDong,
    decision: 'Kế hoạch số 12-KH/TĐTN',
    decisionDate: '2022-04-05',
    startYear: 2022,
    endYear: 2027,
    description: 'Bồi dưỡng kỹ năng số, chuyển đổi số cho cán bộ Đoàn các cấp.',
    targets: [
      {
        metric: 'classes',
        label: 'Lớp bồi dưỡng chuyển đổi số',
        kindCode: 'digital',
        total: 12,
        years: years(2022, 2027, 2),
      },
      { metric: 'participations', label: 'Lượt cán bộ được bồi dưỡng chuyển đổi số', kindCode: 'digital', total: 600 },
      { metric: 'people', label: 'Cán bộ được bồi dưỡng chuyển đổi số', kindCode: 'digital', total: 400 },
      {
        metric: 'title_training_share',
        label: 'Bí thư Đoàn được bồi dưỡng chức danh trong 12 tháng kể từ khi giữ chức',
        title: 'secretary',
        withinMonths: 12,
        total: 90,
      },
    ],
  });

  await createScheme(l.ctx, l.actor, {
    name: 'Đào tạo, bồi dưỡng cán bộ Đoàn TNCS Hồ Chí Minh tỉnh Đắk Nông giai đoạn 2023–2027',
    code: DEMO_SCHEME_2023,
    issuingUnitId: dakNong,
    decision: 'Đề án số 03-ĐA/TĐTN',
    decisionDate: '2023-02-15',
    startYear: 2023,
    endYear: 2027,
    targets: [
      {
        metric: 'classes',
        label: 'Lớp bồi dưỡng chức danh',
        kindCode: 'title',
        total: 10,
        years: years(2023, 2027, 2),
      },
      { metric: 'participations', label: 'Lượt cán bộ được bồi dưỡng', total: 1500, years: years(2023, 2027, 300) },
      { metric: 'people', label: 'Cán bộ được bồi dưỡng', total: 800 },
      {
        metric: 'visit_days',
        label: 'Ngày đi cơ sở của cán bộ cấp tỉnh, cấp huyện',
        total: 12000,
        years: years(2023, 2027, 2400),
      },
      {
        metric: 'visit_days',
        label: 'Ngày đi cơ sở của cán bộ cấp tỉnh',
        organiserLevel: 'province',
        total: 2500,
      },
    ],
  });
}
