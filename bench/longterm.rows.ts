import type { DiplomaGrade, StudyFunding, StudyKind, StudyMode } from '@canbo/contract';
import { Random } from '../server/src/demo/random.ts';
import { addDays } from '../server/src/lib/dates.ts';
import { tripDays } from '../server/src/modules/visits/days.ts';
import type { Row } from './population.ts';
import { dayNumber, VISITING_KINDS, type LongTermWorld } from './longterm.world.ts';

/**
 * Rows of long-term study and of "1+2" grassroots visits as the services would have left them:
 * studies through their workflow (studying → graduated | withdrawn | extended, with the dates,
 * diploma and reason each step asks), registrations per cadre and year, and trips that never
 * overlap another trip of the same cadre, with days and start-year days counted by the app's own
 * rule (a trip across New Year splits between the years) and the cadre's unit and its kind copied.
 */
export const LONG_TERM_COLUMNS = {
  studies: [
    'id',
    'person_id',
    'kind',
    'status',
    'decision',
    'decision_date',
    'institution',
    'major',
    'mode',
    'start_date',
    'expected_end_date',
    'end_date',
    'funding',
    'diploma_number',
    'grade',
    'reason',
    'notes',
    'created_at',
    'updated_at',
    'version',
  ],
  visit_registrations: ['id', 'person_id', 'year', 'host_unit_id', 'notes', 'created_at', 'updated_at', 'version'],
  visit_trips: [
    'id',
    'person_id',
    'registration_id',
    'person_unit_id',
    'person_unit_kind',
    'host_unit_id',
    'start_date',
    'end_date',
    'start_year',
    'end_year',
    'days',
    'start_year_days',
    'purpose',
    'report_text',
    'report_filed_at',
    'report_due_date',
    'created_by',
    'updated_by',
    'created_at',
    'updated_at',
    'version',
  ],
} as const;
export type LongTermTable = keyof typeof LONG_TERM_COLUMNS;

export interface LongTermCounts {
  studies: Record<string, number>;
  studyKinds: Record<string, number>;
  registrations: number;
  trips: number;
  days: number;
  acrossNewYear: number;
  reportsFiled: number;
  reportsOverdue: number;
}

const COURSE: Record<StudyKind, { months: number; institutions: string[]; majors: (string | null)[] }> = {
  university: {
    months: 48,
    institutions: ['Trường Đại học Luật Hà Nội', 'Trường Đại học Tây Nguyên', 'Học viện Thanh thiếu niên Việt Nam'],
    majors: ['Luật', 'Công tác thanh thiếu niên', 'Quản lý nhà nước', 'Kinh tế'],
  },
  master: {
    months: 24,
    institutions: ['Học viện Thanh thiếu niên Việt Nam', 'Học viện Hành chính quốc gia'],
    majors: ['Công tác thanh thiếu niên', 'Quản lý công', 'Chính trị học'],
  },
  doctorate: {
    months: 48,
    institutions: ['Học viện Chính trị quốc gia Hồ Chí Minh'],
    majors: ['Chính trị học', 'Xây dựng Đảng và chính quyền nhà nước'],
  },
  theory_intermediate: { months: 11, institutions: ['Trường Chính trị tỉnh'], majors: [null] },
  theory_advanced: {
    months: 24,
    institutions: ['Học viện Chính trị khu vực I', 'Học viện Chính trị khu vực II', 'Học viện Chính trị khu vực III'],
    majors: [null],
  },
  theory_bachelor: { months: 36, institutions: ['Học viện Chính trị quốc gia Hồ Chí Minh'], majors: [null] },
};

const KINDS: [StudyKind, number][] = [
  ['theory_intermediate', 36],
  ['university', 24],
  ['master', 16],
  ['theory_advanced', 14],
  ['theory_bachelor', 4],
  ['doctorate', 2],
];
const GRADES: [DiplomaGrade, number][] = [
  ['excellent', 1],
  ['very_good', 4],
  ['good', 8],
  ['fairly_good', 3],
  ['average', 1],
];
const FUNDINGS: [StudyFunding, number][] = [
  ['state', 6],
  ['self', 3],
  ['scholarship', 1],
];
const MODES: [StudyMode, number][] = [
  ['part_time', 6],
  ['full_time', 3],
  ['distance', 1],
];
const PURPOSES = [
  'Thực hiện "1+2": nắm tình hình đoàn viên, dự sinh hoạt chi đoàn ở cơ sở',
  'Hướng dẫn đại hội chi đoàn, kiện toàn tổ chức cơ sở',
  'Cùng cơ sở tổ chức hoạt động tình nguyện hè',
  'Nắm tình hình thanh niên, hỗ trợ mô hình phát triển kinh tế',
];

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return addDays(d.toISOString().slice(0, 10), -1);
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export class LongTermRows {
  readonly counts: LongTermCounts = {
    studies: {},
    studyKinds: {},
    registrations: 0,
    trips: 0,
    days: 0,
    acrossNewYear: 0,
    reportsFiled: 0,
    reportsOverdue: 0,
  };
  private readonly rnd: Random;
  private readonly stamp: string;
  /** Indices into the people arrays of cadres whose unit sends them to the grassroots. */
  private readonly visitors: number[] = [];
  private readonly offices: number[] = [];
  private studyId: number;
  private registrationId: number;
  private tripId: number;
  private readonly usedYears: Set<string>;

  constructor(
    private readonly w: LongTermWorld,
    private readonly today: string,
    seed: number,
  ) {
    this.rnd = new Random(seed);
    this.stamp = `${today}T00:00:00.000Z`;
    for (let i = 0; i < w.personId.length; i++) {
      const k = w.kind[w.personUnit[i]!]!;
      if (VISITING_KINDS.has(k)) this.visitors.push(i);
      if (k !== 'branch') this.offices.push(i);
    }
    this.studyId = w.maxId.studies;
    this.registrationId = w.maxId.visit_registrations;
    this.tripId = w.maxId.visit_trips;
    this.usedYears = w.usedYears;
  }

  /** One study, taken through its workflow to where it stands today. */
  study(): Row {
    const r = this.rnd;
    const today = this.today;
    const person = this.w.personId[r.chance(0.8) ? r.pick(this.offices) : r.int(0, this.w.personId.length - 1)]!;
    const kind = r.weighted(KINDS);
    const course = COURSE[kind];
    const startDate = r.date('2008-01-01', addDays(today, -1));
    const id = ++this.studyId;
    let expected = addMonths(startDate, course.months);
    let status: 'studying' | 'graduated' | 'withdrawn' | 'extended' = 'studying';
    let endDate: string | null = null;
    let diploma: string | null = null;
    let grade: DiplomaGrade | null = null;
    let reason: string | null = null;
    const roll = r.next();
    if (roll < 0.04) {
      // Withdrew after a few months (at the latest today).
      status = 'withdrawn';
      endDate = minDate(addDays(startDate, r.int(60, 300)), today);
      reason = 'Xin thôi học vì hoàn cảnh gia đình';
    } else {
      if (roll < 0.14) {
        // Asked for more time once; some of those have no result yet.
        status = 'extended';
        expected = addMonths(addDays(expected, 1), r.pick([6, 12]));
        reason = 'Chậm bảo vệ luận văn, khóa luận do yêu cầu công tác';
      }
      const end = addDays(expected, -r.int(0, 20));
      // A study past its expected end mostly has its result; 1 in 12 is left overdue.
      if (end <= today && end >= startDate && !r.chance(1 / 12)) {
        status = 'graduated';
        endDate = end;
        diploma = `${kind.slice(0, 2).toUpperCase()}${String(id).padStart(8, '0')}`;
        grade = r.weighted(GRADES);
      }
    }
    const c = this.counts;
    c.studies[status] = (c.studies[status] ?? 0) + 1;
    c.studyKinds[kind] = (c.studyKinds[kind] ?? 0) + 1;
    return [
      id,
      person,
      kind,
      status,
      `${id}-QĐ/ĐTN`,
      addDays(startDate, -r.int(10, 30)),
      r.pick(course.institutions),
      r.pick(course.majors),
      r.weighted(MODES),
      startDate,
      expected,
      endDate,
      r.weighted(FUNDINGS),
      diploma,
      grade,
      reason,
      null,
      this.stamp,
      endDate ? `${endDate}T09:00:00.000Z` : this.stamp,
      status === 'studying' ? 1 : 2,
    ];
  }

  /**
   * One cadre's year of visits: 1–4 trips spread over the year (the last may run into January),
   * the registration for the year most of the time, each report filed or left overdue. Returns
   * nothing when the cadre already has that year or every trip would overlap or lie ahead.
   */
  year(max: number, sink: (t: LongTermTable, row: Row) => void): number {
    const r = this.rnd;
    const w = this.w;
    const today = this.today;
    if (!this.visitors.length) throw new Error('Không có cán bộ cấp huyện trở lên để đi cơ sở');
    const at = r.pick(this.visitors);
    const person = w.personId[at]!;
    const unit = w.personUnit[at]!;
    const thisYear = Number(today.slice(0, 4));
    const year = r.int(thisYear - 10, thisYear);
    const key = `${person}:${year}`;
    if (this.usedYears.has(key)) return 0;
    this.usedYears.add(key);
    const hosts = w.grassrootsUnder.get(unit) ?? w.grassroots;
    if (!hosts.length) throw new Error('Không có cơ sở nào để đón cán bộ');
    const settings = w.settings.get(w.top[unit]!)!;

    let registrationId = w.registrations.get(key) ?? null;
    let hostUnit = r.pick(hosts);
    if (registrationId === null && r.chance(0.85)) {
      registrationId = ++this.registrationId;
      w.registrations.set(key, registrationId);
      sink('visit_registrations', [
        registrationId,
        person,
        year,
        hostUnit,
        null,
        `${year}-01-05T08:00:00.000Z`,
        `${year}-01-05T08:00:00.000Z`,
        1,
      ]);
      this.counts.registrations++;
    }
    const busy = w.trips.get(person) ?? [];
    w.trips.set(person, busy);
    const n = Math.min(max, r.int(1, 4));
    const slot = Math.floor(365 / n);
    let made = 0;
    for (let k = 0; k < n; k++) {
      const length = r.weighted([
        [r.int(3, 7), 3],
        [r.int(8, 15), 4],
        [r.int(16, 30), 2],
      ] as const);
      const last = k === n - 1;
      const from = addDays(`${year}-01-02`, k * slot);
      const startDate =
        last && r.chance(0.15)
          ? r.date(`${year}-12-10`, `${year}-12-31`)
          : addDays(from, r.int(0, Math.max(0, slot - length - 1)));
      const endDate = addDays(startDate, length - 1);
      if (endDate > today) continue;
      const s = dayNumber(startDate);
      const e = dayNumber(endDate);
      let clash = false;
      for (let i = 0; i < busy.length && !clash; i += 2) clash = s <= busy[i + 1]! && busy[i]! <= e;
      if (clash) continue;
      const counted = tripDays(startDate, endDate, settings.counting);
      if (!counted.days) continue;
      busy.push(s, e);
      // With a registration the trips go to its host unit; without one, anywhere in the cadre's area.
      if (registrationId === null) hostUnit = r.pick(hosts);
      const due = addDays(endDate, settings.reportDueDays);
      const filed = due < today && r.chance(0.9) ? addDays(endDate, r.int(1, settings.reportDueDays + 5)) : null;
      const filedAt = filed && filed <= today ? `${filed}T09:00:00.000Z` : null;
      const id = ++this.tripId;
      const created = `${minDate(addDays(endDate, 1), today)}T08:00:00.000Z`;
      sink('visit_trips', [
        id,
        person,
        // The registration of the trip's start year, as the service looks it up.
        registrationId,
        unit,
        w.kind[unit]!,
        hostUnit,
        startDate,
        endDate,
        year,
        Number(endDate.slice(0, 4)),
        counted.days,
        counted.startYearDays,
        r.pick(PURPOSES),
        filedAt ? 'Đã nắm tình hình, dự sinh hoạt; kiến nghị hỗ trợ kinh phí hoạt động cho chi đoàn.' : null,
        filedAt,
        due,
        null,
        null,
        created,
        filedAt ?? created,
        filedAt ? 2 : 1,
      ]);
      const c = this.counts;
      c.trips++;
      c.days += counted.days;
      if (counted.startYearDays < counted.days) c.acrossNewYear++;
      if (filedAt) c.reportsFiled++;
      else if (due < today) c.reportsOverdue++;
      made++;
    }
    return made;
  }
}
