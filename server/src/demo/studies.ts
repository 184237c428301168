import type { DiplomaGrade, StudyKind, StudyMode } from '@canbo/contract';
import { todayIso } from '../lib/dates.ts';
import { createStudy, transitionStudy } from '../modules/studies/studies.service.ts';
import type { DemoCadres } from './cadres.ts';
import type { Loader } from './loader.ts';
import { flatten, PROVINCES } from './organisation.ts';
import { Random } from './random.ts';
import { addDays } from '../lib/dates.ts';

/**
 * The article's 2018–2022 scheme in study records: cadres of Đắk Nông sent to university and
 * postgraduate study, and to intermediate and advanced political theory, started 2018–2022.
 * A few studies outside the period (before it, and since 2023) keep the period's filter honest.
 */
export const DEMO_STUDIES_2018_2022 = { from: 2018, to: 2022, degrees: 65, theory: 94 } as const;

/** Kinds of the period's studies: 30 + 32 + 3 = 65 degrees; 80 + 14 = 94 political theory. */
const PERIOD: [StudyKind, number][] = [
  ['university', 30],
  ['master', 32],
  ['doctorate', 3],
  ['theory_intermediate', 80],
  ['theory_advanced', 14],
];
/** Outside the period: started 2016–2017 (graduated) and 2023–2024 (some still studying). */
const OUTSIDE: [StudyKind, number, number][] = [
  ['university', 2016, 2],
  ['theory_intermediate', 2017, 3],
  ['master', 2023, 3],
  ['theory_intermediate', 2024, 4],
  ['theory_advanced', 2023, 2],
];

/** Length of each kind in months, and where it is studied. */
const COURSE: Record<StudyKind, { months: number; institution: string; mode: StudyMode; major: string | null }> = {
  university: { months: 48, institution: 'Trường Đại học Tây Nguyên', mode: 'part_time', major: 'Luật' },
  master: {
    months: 24,
    institution: 'Học viện Thanh thiếu niên Việt Nam',
    mode: 'part_time',
    major: 'Công tác thanh thiếu niên',
  },
  doctorate: {
    months: 48,
    institution: 'Học viện Chính trị quốc gia Hồ Chí Minh',
    mode: 'full_time',
    major: 'Chính trị học',
  },
  theory_intermediate: { months: 11, institution: 'Trường Chính trị tỉnh Đắk Nông', mode: 'part_time', major: null },
  theory_advanced: { months: 24, institution: 'Học viện Chính trị khu vực III', mode: 'full_time', major: null },
  theory_bachelor: {
    months: 36,
    institution: 'Học viện Chính trị quốc gia Hồ Chí Minh',
    mode: 'full_time',
    major: null,
  },
};

const GRADES: [DiplomaGrade, number][] = [
  ['excellent', 1],
  ['very_good', 4],
  ['good', 8],
  ['fairly_good', 3],
  ['average', 1],
];

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** Đắk Nông's cadres (their records as kept before the 2025 restructuring), in a fixed order. */
function dakNongCadres(cadres: DemoCadres): number[] {
  const codes = new Set(flatten(PROVINCES.filter((p) => p.code === 'DNO')).map((u) => u.unit.code));
  return cadres.people.filter((p) => codes.has(p.unit)).map((p) => p.ref);
}

export async function addStudies(l: Loader, cadres: DemoCadres): Promise<void> {
  const rnd = new Random(20180101);
  const people = dakNongCadres(cadres);
  if (!people.length) throw new Error('Dữ liệu mẫu: không có cán bộ Đắk Nông để cử đi học');
  const today = todayIso();
  const plan: { kind: StudyKind; year: number }[] = [];
  for (const [kind, n] of PERIOD) {
    for (let i = 0; i < n; i++) plan.push({ kind, year: DEMO_STUDIES_2018_2022.from + (i % 5) });
  }
  for (const [kind, year, n] of OUTSIDE) for (let i = 0; i < n; i++) plan.push({ kind, year });

  let decision = 1;
  for (const [i, s] of plan.entries()) {
    // Spread over the cadres; a degree and a theory course may fall to the same person.
    const ref = people[(i * 7) % people.length]!;
    const personId = l.people.get(ref)!;
    const course = COURSE[s.kind];
    const startDate = rnd.date(`${s.year}-08-15`, `${s.year}-10-15`);
    const expectedEndDate = addMonths(startDate, course.months);
    const study = await createStudy(l.ctx, l.actor, {
      personId,
      studyKind: s.kind,
      decision: `${decision++}-QĐ/TĐTN`,
      decisionDate: addDays(startDate, -rnd.int(10, 30)),
      institution: course.institution,
      major: course.major,
      studyMode: course.mode,
      startDate,
      expectedEndDate,
      funding: rnd.weighted([
        ['state', 6],
        ['self', 3],
        ['scholarship', 1],
      ] as const),
    });
    let version = study.version;
    let end = expectedEndDate;
    const roll = rnd.next();
    // One in ten asks for more time; of those that end, one in fifteen withdraws.
    if (roll < 0.1) {
      end = addMonths(addDays(expectedEndDate, 1), 6);
      const extended = await transitionStudy(l.ctx, l.actor, {
        id: study.id,
        action: 'extend',
        version,
        expectedEndDate: end,
        reason: 'Chậm bảo vệ luận văn, khóa luận do yêu cầu công tác',
      });
      version = extended.version;
      // Some of those extended in recent years have no result yet: the overdue list shows them.
      if (s.year >= 2021) continue;
    }
    const endDate = addDays(end, -rnd.int(0, 20));
    if (endDate > today) continue;
    if (roll > 0.93) {
      await transitionStudy(l.ctx, l.actor, {
        id: study.id,
        action: 'withdraw',
        version,
        endDate: addDays(startDate, rnd.int(60, 200)),
        reason: 'Xin thôi học vì hoàn cảnh gia đình',
      });
      continue;
    }
    await transitionStudy(l.ctx, l.actor, {
      id: study.id,
      action: 'graduate',
      version,
      endDate,
      diplomaNumber: `${s.kind === 'university' || s.kind === 'master' || s.kind === 'doctorate' ? 'VB' : 'LLCT'}-${s.year}-${String(i + 1).padStart(4, '0')}`,
      diplomaGrade: rnd.weighted(GRADES),
    });
  }
}
