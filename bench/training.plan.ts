import { foldVietnamese, levelOfUnitKind, type ClassLevel, type ClassStatus, type UnitKind } from '@canbo/contract';
import { Random } from '../server/src/demo/random.ts';
import type { World } from './training.world.ts';

/**
 * The classes of fifteen years, decided before any row is written: organiser, level, kind, dates,
 * status and size. Sizes are scaled together so that enrolments plus reported headcounts come to the
 * requested number of participations. Classes are numbered in date order, so certificate numbers
 * (per issuing unit and year) follow the order the classes ended.
 */
export interface ClassPlan {
  id: number;
  organiser: number;
  level: ClassLevel;
  kind: string;
  programmeId: number | null;
  name: string;
  searchText: string;
  start: string;
  end: string;
  status: ClassStatus;
  /** Historical class recorded by its headcount only (no roster, no sessions). */
  headcount: boolean;
  sessions: number;
  /** Enrolments (all statuses) or the headcount. */
  size: number;
  mode: string;
  targetTitles: string;
  partners: string;
  minAttendance: number;
  passGrade: string;
}

export interface Programme {
  id: number;
  kind: string;
  name: string;
  titles: string[];
  topics: string[];
  days: number;
}

/** Enrolment statuses only exist once nomination has opened. */
export const hasRoster = (p: ClassPlan) => !p.headcount && p.status !== 'draft' && p.status !== 'planned';

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Organisers by level: a share of all classes, and the base size of one class before scaling. */
const LEVELS: { kinds: UnitKind[]; weight: number; size: [number, number] }[] = [
  { kinds: ['central'], weight: 0.5, size: [150, 400] },
  { kinds: ['province', 'affiliated'], weight: 8, size: [60, 250] },
  { kinds: ['district', 'sector'], weight: 32, size: [30, 150] },
  { kinds: ['grassroots', 'commune', 'standalone_branch', 'inter_branch'], weight: 40, size: [15, 60] },
  { kinds: ['branch'], weight: 19.5, size: [10, 35] },
];

const NAMES: Record<string, (r: Random) => string> = {
  title: (r) =>
    `Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư ${r.pick(['Đoàn cơ sở', 'chi đoàn', 'Đoàn xã, phường, thị trấn'])}`,
  union_work: (r) =>
    `Lớp bồi dưỡng nghiệp vụ công tác Đoàn ${r.pick(['cho cán bộ Đoàn cơ sở', 'cho Ủy viên Ban Chấp hành', 'và phong trào thanh niên'])}`,
  skills: (r) =>
    `Lớp tập huấn kỹ năng ${r.pick(['tổ chức hoạt động', 'thuyết trình', 'sinh hoạt tập thể', 'làm việc nhóm', 'xử lý tình huống'])}`,
  digital: (r) =>
    `Lớp bồi dưỡng chuyển đổi số ${r.pick(['trong công tác Đoàn', 'cho cán bộ Đoàn cơ sở', 'và truyền thông số'])}`,
  theory_basic: () => 'Lớp lý luận chính trị sơ cấp',
  other: (r) =>
    `Lớp tập huấn ${r.pick(['công tác Đội', 'công tác Hội', 'phòng, chống ma túy', 'khởi nghiệp', 'an toàn giao thông'])}`,
};

const TITLES_OF_KIND: Record<string, string[]> = {
  title: ['secretary', 'deputy_secretary'],
  union_work: ['committee_member', 'standing_member'],
};

const PROGRAMMES: [kind: string, name: string, titles: string[], topics: string[], days: number][] = [
  [
    'title',
    'Chương trình bồi dưỡng Bí thư, Phó Bí thư Đoàn cơ sở',
    ['secretary', 'deputy_secretary'],
    ['Nghiệp vụ công tác Đoàn', 'Kỹ năng lãnh đạo', 'Công tác xây dựng Đoàn'],
    3,
  ],
  ['title', 'Chương trình bồi dưỡng Bí thư chi đoàn', ['secretary'], ['Sinh hoạt chi đoàn', 'Công tác đoàn viên'], 2],
  [
    'union_work',
    'Chương trình nghiệp vụ công tác Đoàn cơ bản',
    ['committee_member'],
    ['Điều lệ Đoàn', 'Công tác tuyên giáo', 'Công tác kiểm tra, giám sát'],
    3,
  ],
  [
    'union_work',
    'Chương trình nghiệp vụ công tác kiểm tra',
    ['standing_member'],
    ['Quy trình kiểm tra', 'Giải quyết khiếu nại'],
    2,
  ],
  ['skills', 'Chương trình kỹ năng tổ chức hoạt động thanh niên', [], ['Tổ chức sự kiện', 'Sinh hoạt tập thể'], 2],
  [
    'digital',
    'Chương trình chuyển đổi số trong công tác Đoàn',
    [],
    ['Sổ đoàn viên điện tử', 'An toàn thông tin', 'Truyền thông số'],
    2,
  ],
  [
    'theory_basic',
    'Chương trình lý luận chính trị sơ cấp',
    [],
    ['Chủ nghĩa Mác – Lênin', 'Tư tưởng Hồ Chí Minh', 'Đường lối của Đảng'],
    20,
  ],
  ['other', 'Chương trình bồi dưỡng công tác Đội', ['pioneer_leader'], ['Nghi thức Đội', 'Sinh hoạt Đội'], 2],
];

export function programmes(world: World): Programme[] {
  return PROGRAMMES.filter(([kind]) => world.kinds.includes(kind)).map(([kind, name, titles, topics, days], i) => ({
    id: world.maxId.programmes + i + 1,
    kind,
    name,
    titles,
    topics,
    days,
  }));
}

/** Sessions per class: two to ten half-days, most classes one or two days. */
const SESSIONS: [number, number][] = [
  [2, 25],
  [3, 10],
  [4, 25],
  [5, 5],
  [6, 15],
  [8, 8],
  [10, 12],
];

function statusOf(r: Random, start: string, end: string, today: string): ClassStatus {
  if (end < today) {
    if (r.chance(0.02)) return 'cancelled';
    return end < addDays(today, -60) && r.chance(0.8) ? 'closed' : 'completed';
  }
  if (start <= today) return 'in_progress';
  if (start <= addDays(today, 30)) return 'open';
  return start <= addDays(today, 60) ? 'planned' : 'draft';
}

export function planClasses(
  world: World,
  o: { classes: number; participations: number; seed: number; today: string },
  catalogue: Programme[],
): ClassPlan[] {
  const r = new Random(o.seed);
  const from = addDays(o.today, -15 * 365);
  const to = addDays(o.today, 90);
  const span = (Date.parse(to) - Date.parse(from)) / DAY;
  const past = (Date.parse(o.today) - Date.parse(from)) / DAY;
  const organisers = LEVELS.map((l) => world.unitIds.filter((u) => l.kinds.includes(world.kind[u] as UnitKind)));
  // A roster needs people to draw from; tiny subtrees organise only historical classes.
  const rosterable = organisers.map((list) =>
    list.filter((u) => {
      const [a, b] = world.range(u);
      return b - a >= 12;
    }),
  );
  const levelWeights = LEVELS.map((l, i) => [i, organisers[i]!.length ? l.weight : 0] as const);
  const plans: (ClassPlan & { base: number; cap: number })[] = [];
  for (let i = 0; i < o.classes; i++) {
    const day = r.int(0, Math.floor(span));
    const start = addDays(from, day);
    // Older classes were often reported by headcount only; none in the future. About 30 % overall.
    let headcount = day < past && r.chance(0.6 * (1 - day / past));
    const li = r.weighted(levelWeights);
    if (!headcount && !rosterable[li]!.length) headcount = true;
    const organiser = r.pick(headcount ? organisers[li]! : rosterable[li]!);
    const sessions = headcount ? 0 : r.weighted(SESSIONS);
    const days = headcount ? r.int(1, 4) : Math.ceil(sessions / 2);
    let end = addDays(start, days - 1);
    if (headcount && end >= o.today) end = addDays(o.today, -1);
    const year = Number(start.slice(0, 4));
    let kind = r.pick(world.kinds);
    if (kind === 'digital' && year < 2020) kind = 'union_work';
    const name = `${(NAMES[kind] ?? NAMES.other!)(r)} năm ${year}`;
    const progs = catalogue.filter((p) => p.kind === kind);
    const [lo, hi] = LEVELS[li]!.size;
    const [a, b] = world.range(organiser);
    plans.push({
      id: 0,
      organiser,
      level: levelOfUnitKind[world.kind[organiser] as UnitKind],
      kind,
      programmeId: progs.length && r.chance(0.4) ? r.pick(progs).id : null,
      name,
      searchText: foldVietnamese(name),
      start,
      end,
      status: headcount
        ? end < addDays(o.today, -60) && r.chance(0.8)
          ? 'closed'
          : 'completed'
        : statusOf(r, start, end, o.today),
      headcount,
      sessions,
      size: 0,
      mode:
        year >= 2020
          ? r.weighted([
              ['in_person', 80],
              ['online', 10],
              ['blended', 10],
            ] as const)
          : 'in_person',
      targetTitles: JSON.stringify(TITLES_OF_KIND[kind] ?? []),
      partners: JSON.stringify(
        li === 1 && r.chance(0.3)
          ? ['Trường Chính trị tỉnh']
          : li === 2 && r.chance(0.3)
            ? ['Trung tâm bồi dưỡng chính trị huyện']
            : [],
      ),
      minAttendance: r.weighted([
        [80, 70],
        [70, 15],
        [100, 10],
        [50, 5],
      ] as const),
      passGrade: r.weighted([
        ['average', 85],
        ['fair', 15],
      ] as const),
      base: r.int(lo, hi),
      cap: headcount ? Infinity : Math.floor((b - a) * 0.8),
    });
  }
  scaleSizes(plans, o.participations);
  plans.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  return plans.map(({ base: _base, cap: _cap, ...p }, i) => ({ ...p, id: world.maxId.training_classes + i + 1 }));
}

/** Scale the counted classes to the target; classes at their subtree's limit pass the rest on. */
function scaleSizes(plans: (ClassPlan & { base: number; cap: number })[], target: number): void {
  let open = plans.filter((p) => p.headcount || hasRoster(p));
  let capped = 0;
  for (let round = 0; round < 8 && open.length; round++) {
    const factor = (target - capped) / open.reduce((s, p) => s + p.base, 0);
    const next: typeof open = [];
    for (const p of open) {
      const want = Math.max(5, Math.round(p.base * factor));
      if (want >= p.cap) {
        p.size = Math.max(1, p.cap);
        capped += p.size;
      } else {
        p.size = want;
        next.push(p);
      }
    }
    if (next.length === open.length) break;
    open = next;
  }
  // Classes not yet open for nomination have a planned size (their seats), no enrolments.
  for (const p of plans) if (!p.size) p.size = Math.max(5, Math.min(p.base, p.cap));
}
