import { classCreate, type ClassCreateInput, type ClassHeadcount } from '@canbo/contract';
import { inTransaction } from '../context.ts';
import { addDays, todayIso } from '../lib/dates.ts';
import { parseInput } from '../lib/input.ts';
import { countFiguresLive } from '../modules/figures/figures.repository.ts';
import { createClassIn } from '../modules/training/classes/class.service.ts';
import { unitId, type Loader } from './loader.ts';
import { flatten, HISTORY, PROVINCES, type DemoUnit } from './organisation.ts';
import { Random } from './random.ts';

/**
 * Đắk Nông's fifteen years of classes as the year-end reports knew them: headcount-only records
 * that, with the demo's named classes of the period, give the January 2024 article's figures
 * exactly. "15 năm qua" in an article of 23/01/2024 is the fifteen whole years 2009–2023 (the
 * province's 2024 had barely begun), counted by a class's first day, as the figures engine does.
 * "Tỉnh đoàn, tổ chức đoàn trực thuộc" is the engine's province level: organisers of kind
 * province or affiliated (`levelOfUnitKind`); the article's "hơn 12 ngàn" is pinned at 12,046.
 */
export const ARTICLE_TRAINING = {
  fromYear: 2009,
  toYear: 2023,
  classes: 429,
  participations: 36_460,
  province: { classes: 143, participations: 12_046 },
} as const;

type Tier = 'province' | 'district' | 'grassroots';

interface Organiser {
  unit: DemoUnit;
  tier: Tier;
  /** Where its classes are held. */
  place: string;
  weight: number;
}

/** A year's share of the period's classes: fewer while the province was young and in the 2020–2021 epidemic. */
const YEAR_WEIGHT: Record<number, number> = { 2009: 0.6, 2010: 0.8, 2020: 0.6, 2021: 0.5 };

/** Class names by the organiser's tier and organisation; `{y}` is the year. */
const TOPICS: Record<string, [kind: string, name: string, min: number, max: number][]> = {
  'province/doan': [
    ['union_work', 'Tập huấn nghiệp vụ công tác Đoàn, công tác thanh niên năm {y}', 70, 160],
    ['title', 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm {y}', 60, 150],
    ['skills', 'Tập huấn kỹ năng tổ chức hoạt động tình nguyện hè năm {y}', 50, 120],
    ['union_work', 'Tập huấn công tác tuyên truyền, giáo dục cho cán bộ Đoàn năm {y}', 40, 110],
    ['union_work', 'Tập huấn công tác kiểm tra, giám sát của Đoàn năm {y}', 40, 100],
  ],
  'affiliated/doan': [
    ['union_work', 'Tập huấn nghiệp vụ công tác Đoàn cho cán bộ chi đoàn năm {y}', 30, 90],
    ['skills', 'Tập huấn kỹ năng sinh hoạt chi đoàn năm {y}', 30, 80],
  ],
  'district/doan': [
    ['union_work', 'Bồi dưỡng nghiệp vụ công tác Đoàn cho cán bộ Đoàn cơ sở năm {y}', 60, 150],
    ['title', 'Bồi dưỡng chức danh Bí thư chi đoàn năm {y}', 50, 140],
    ['skills', 'Tập huấn kỹ năng tổ chức sinh hoạt hè cho thanh thiếu nhi năm {y}', 50, 130],
  ],
  'district/hoi': [['union_work', 'Tập huấn nghiệp vụ công tác Hội, phong trào thanh niên năm {y}', 40, 110]],
  'district/doi': [['union_work', 'Tập huấn nghiệp vụ công tác Đội cho Tổng phụ trách Đội năm {y}', 40, 120]],
  'sector/doan': [['union_work', 'Tập huấn nghiệp vụ công tác Đoàn cho cán bộ Đoàn Khối năm {y}', 50, 130]],
  grassroots: [
    ['union_work', 'Tập huấn nghiệp vụ cho Ban Chấp hành các chi đoàn năm {y}', 20, 60],
    ['skills', 'Tập huấn kỹ năng tổ chức sinh hoạt chi đoàn năm {y}', 20, 50],
  ],
};

/** The organisers of Đắk Nông in the period, by tier: the province's Đoàn and its affiliated unions, the districts' Đoàn, Hội, Đội and sector unions, the grassroots unions. */
function organisers(): Organiser[] {
  const dakNong = PROVINCES.find((p) => p.code === 'DNO')!;
  const placeOf = new Map<string, string>();
  const out: Organiser[] = [];
  for (const { unit, parent } of flatten([dakNong])) {
    const place = unit.place ?? (parent ? placeOf.get(parent) : undefined) ?? 'Gia Nghĩa';
    placeOf.set(unit.code, place);
    // Split in 2005: no longer there in the period.
    if (unit.code === HISTORY.split.code) continue;
    if (unit.kind === 'province' && unit.organisation === 'doan') {
      out.push({ unit, tier: 'province', place: 'Hội trường Tỉnh đoàn Đắk Nông, Gia Nghĩa', weight: 6 });
    } else if (unit.kind === 'affiliated') out.push({ unit, tier: 'province', place, weight: 1 });
    else if (unit.kind === 'district') {
      out.push({ unit, tier: 'district', place, weight: unit.organisation === 'doan' ? 4 : 1 });
    } else if (unit.kind === 'sector') out.push({ unit, tier: 'district', place, weight: 1 });
    else if (unit.kind === 'grassroots' && unit.organisation === 'doan') {
      out.push({ unit, tier: 'grassroots', place: unit.name.replace(/^Đoàn /, 'Hội trường '), weight: 0.15 });
    }
  }
  return out;
}

/** The district's name on a date (Gia Nghĩa became a city union in 2020), for its political school. */
function nameOn(unit: DemoUnit, date: string): string {
  return unit.code === HISTORY.rename.code && date >= HISTORY.rename.date ? HISTORY.rename.name : unit.name;
}

const LOCALITY: Record<string, string> = { Huyện: 'huyện', Thành: 'thành phố', Thị: 'thị xã' };

function partnersOf(o: Organiser, date: string): string[] {
  if (o.unit.code === 'DNO') return ['Trường Chính trị tỉnh Đắk Nông'];
  if (o.unit.kind !== 'district' || o.unit.organisation !== 'doan') return [];
  const locality = nameOn(o.unit, date).replace(/^(Huyện|Thành|Thị) đoàn /, (_m, k: string) => `${LOCALITY[k]} `);
  return [`Trung tâm Bồi dưỡng chính trị ${locality}`];
}

/** Sizes drawn in [min, max] and scaled so they add up to `total` exactly (the rounding remainder one by one). */
function scaleTo(raw: number[], total: number): number[] {
  const sum = raw.reduce((s, v) => s + v, 0);
  const sized = raw.map((v) => Math.max(1, Math.floor((v * total) / sum)));
  let rest = total - sized.reduce((s, v) => s + v, 0);
  for (let i = 0; rest > 0; i = (i + 1) % sized.length, rest--) sized[i]!++;
  if (rest < 0) throw new Error('Dữ liệu mẫu: không chia được số lượt học viên');
  return sized;
}

function headcountOf(r: Random, o: Organiser, total: number): ClassHeadcount {
  const share = (a: number, b: number) => Math.round(total * (a + r.next() * (b - a)));
  const minority = o.unit.hardship ? share(0.35, 0.6) : share(0.1, 0.3);
  // Each organisation trains its own cadres mostly; Đoàn classes take Hội and Đội cadres too.
  const other = share(0.05, 0.15);
  const third = share(0.03, 0.1);
  const [doan, hoi, doi] =
    o.unit.organisation === 'hoi'
      ? [other, total - other - third, third]
      : o.unit.organisation === 'doi'
        ? [other, third, total - other - third]
        : [total - other - third, other, third];
  return { total, women: share(0.38, 0.56), minority, doan, hoi, doi };
}

interface Planned {
  input: Omit<ClassCreateInput, 'organiserUnitId'>;
  organiser: string;
}

/** `count` classes in the period by `tier`, `participations` between them, seeded. */
function plan(r: Random, all: Organiser[], tier: Tier[], count: number, participations: number): Planned[] {
  const pool = all.filter((o) => tier.includes(o.tier));
  const years: [number, number][] = [];
  for (let y = ARTICLE_TRAINING.fromYear; y <= ARTICLE_TRAINING.toYear; y++) years.push([y, YEAR_WEIGHT[y] ?? 1]);
  const drafts = Array.from({ length: count }, () => {
    const year = r.weighted(years);
    const existing = pool.filter((o) => o.unit.from <= `${year}-10-31`);
    const o = r.weighted(existing.map((x) => [x, x.weight] as const));
    const topics = TOPICS[o.tier === 'grassroots' ? 'grassroots' : `${o.unit.kind}/${o.unit.organisation}`]!;
    // The province's 2023 title class is the article's own, recorded with its roster (training.class2023.ts).
    const [kind, name, min, max] = r.pick(
      topics.filter(([k]) => !(o.unit.code === 'DNO' && year === 2023 && k === 'title')),
    );
    const earliest = o.unit.from > `${year}-02-20` ? o.unit.from : `${year}-02-20`;
    const start = r.date(earliest, `${year}-11-30`);
    return { o, year, kind, name: name.replace('{y}', String(year)), start, days: r.int(1, 4), raw: r.int(min, max) };
  });
  const sizes = scaleTo(
    drafts.map((d) => d.raw),
    participations,
  );
  // A unit that held the same course twice in a year numbers them.
  const seen = new Map<string, number>();
  return drafts.map((d, i) => {
    const key = `${d.o.unit.code}|${d.name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      organiser: d.o.unit.code,
      input: {
        name: n > 1 ? `${d.name} (đợt ${n})` : d.name,
        kindCode: d.kind,
        partners: partnersOf(d.o, d.start),
        startDate: d.start,
        endDate: addDays(d.start, d.days - 1),
        place: d.o.place,
        headcount: headcountOf(r, d.o, sizes[i]!),
      },
    };
  });
}

/**
 * Adds the period's headcount-only classes after every named class of the demo is in: the figures
 * engine counts what is already recorded in the period, by organiser level, and the rest is made up
 * to the article's figures. Counted over the whole tree, not Đắk Nông's subtree: the engine credits
 * a trainee to their unit of the time, and the 2025 merger put the 2023 trainees' communes under
 * Lâm Đồng; only Đắk Nông has classes in the demo's 2009–2023. One transaction, as the year-end
 * reports entered by one import would be.
 */
export async function addPastClasses(l: Loader): Promise<void> {
  const { fromYear, toYear } = ARTICLE_TRAINING;
  const recorded = await inTransaction(l.ctx, async (tx) => {
    const count = (metric: 'classes' | 'participations') =>
      countFiguresLive(tx, l.actor, {
        metric,
        fromYear,
        toYear,
        by: 'organiserLevel',
        asOf: todayIso(),
      });
    const [classes, participations] = [await count('classes'), await count('participations')];
    const sum = (figures: { key: unknown; value: number }[], province: boolean) =>
      figures.filter((f) => (f.key === 'province') === province).reduce((s, f) => s + f.value, 0);
    return {
      province: { classes: sum(classes, true), participations: sum(participations, true) },
      other: { classes: sum(classes, false), participations: sum(participations, false) },
    };
  });
  const { province } = ARTICLE_TRAINING;
  const r = new Random(2009);
  const all = organisers();
  const planned = [
    ...plan(
      r,
      all,
      ['province'],
      province.classes - recorded.province.classes,
      province.participations - recorded.province.participations,
    ),
    ...plan(
      r,
      all,
      ['district', 'grassroots'],
      ARTICLE_TRAINING.classes - province.classes - recorded.other.classes,
      ARTICLE_TRAINING.participations - province.participations - recorded.other.participations,
    ),
  ];
  await inTransaction(l.ctx, async (tx) => {
    for (const p of planned) {
      const data = parseInput(classCreate, { ...p.input, organiserUnitId: unitId(l, p.organiser) });
      await createClassIn(tx, l.actor, data);
    }
  });
}
