import {
  certificateNumberOf,
  DEFAULT_CERTIFICATE_PATTERN,
  grades,
  sessionPartHours,
  type Grade,
} from '@canbo/contract';
import { Random } from '../server/src/demo/random.ts';
import { addDays, hasRoster, type ClassPlan, type Programme } from './training.plan.ts';
import type { Row } from './population.ts';
import type { World } from './training.world.ts';

/**
 * The rows of one planned class, as the services would have left them after the class ran:
 * status history, sessions, seat allocations, enrolments (the person's unit, unit name, title and
 * sort key copied at nomination), attendance marks, results with the completion rule applied, and
 * numbered certificates. Columns are listed once here and used by both writers.
 */
export const COLUMNS = {
  programmes: [
    'id',
    'name',
    'kind_code',
    'target_titles',
    'topics',
    'standard_days',
    'standard_periods',
    'active',
    'search_text',
    'sort_key',
    'created_at',
    'updated_at',
    'version',
  ],
  training_classes: [
    'id',
    'name',
    'organiser_unit_id',
    'level',
    'partners',
    'kind_code',
    'programme_id',
    'target_titles',
    'start_date',
    'end_date',
    'place',
    'mode',
    'capacity',
    'decision',
    'status',
    'headcount_total',
    'headcount_women',
    'headcount_minority',
    'headcount_doan',
    'headcount_hoi',
    'headcount_doi',
    'min_attendance_percent',
    'pass_grade',
    'search_text',
    'created_at',
    'updated_at',
    'version',
  ],
  class_status_history: ['id', 'class_id', 'from_status', 'to_status', 'at', 'actor_user_id', 'note'],
  class_sessions: [
    'id',
    'class_id',
    'session_date',
    'part',
    'starts_at',
    'ends_at',
    'topic',
    'lecturer',
    'checkin_token',
    'created_at',
    'updated_at',
    'version',
  ],
  seat_allocations: ['id', 'class_id', 'unit_id', 'seats', 'created_at', 'updated_at', 'version'],
  enrolments: [
    'id',
    'class_id',
    'person_id',
    'allocation_id',
    'unit_id',
    'unit_name',
    'title',
    'status',
    'waitlisted_at',
    'nominated_by',
    'nominated_at',
    'withdraw_reason',
    'score',
    'grade',
    'rule_outcome',
    'outcome_override',
    'override_reason',
    'checkin_code',
    'sort_key',
    'created_at',
    'updated_at',
    'version',
  ],
  attendance: ['enrolment_id', 'session_id', 'mark', 'method', 'marked_at', 'marked_by'],
  certificates: [
    'id',
    'enrolment_id',
    'issuing_unit_id',
    'year',
    'seq',
    'number',
    'verify_code',
    'issued_at',
    'issued_by',
    'revoked_at',
    'revoke_reason',
    'revoked_by',
    'created_at',
    'updated_at',
    'version',
  ],
} as const;
export type TrainingTable = keyof typeof COLUMNS;
export type Sink = (table: TrainingTable, row: Row) => void;

const FLOW = ['draft', 'planned', 'open', 'in_progress', 'completed', 'closed'] as const;
const SEATED_STATUSES = new Set(['nominated', 'confirmed']);
const TOPICS = [
  'Khai giảng, quán triệt mục tiêu lớp học',
  'Nghiệp vụ công tác Đoàn',
  'Kỹ năng tổ chức hoạt động',
  'Thảo luận nhóm',
  'Thực hành tình huống',
  'Kiểm tra, bế giảng',
];
const LECTURERS = [
  'ThS. Nguyễn Văn Hùng',
  'ThS. Trần Thị Mai',
  'TS. Lê Quang Minh',
  'CN. Phạm Thu Hà',
  'ThS. Hoàng Đức Long',
  'CN. Võ Thị Lan',
];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const at = (date: string, hour = 2) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const minDate = (a: string, b: string) => (a < b ? a : b);

function gradeOf(score: number): Grade {
  if (score >= 9) return 'excellent';
  if (score >= 8) return 'good';
  if (score >= 6.5) return 'fair';
  return score >= 5 ? 'average' : 'fail';
}

export interface TrainingCounts {
  classes: number;
  headcountClasses: number;
  headcountTotal: number;
  history: number;
  sessions: number;
  allocations: number;
  enrolments: Record<string, number>;
  attendance: number;
  certificates: number;
}

interface Held {
  id: number;
  date: string;
  markedAt: string;
}

interface Pick {
  at: number;
  status: string;
  child: number | null;
}

export class RowMaker {
  private readonly r: Random;
  private readonly ids: {
    history: number;
    session: number;
    allocation: number;
    enrolment: number;
    certificate: number;
  };
  readonly counts: TrainingCounts = {
    classes: 0,
    headcountClasses: 0,
    headcountTotal: 0,
    history: 0,
    sessions: 0,
    allocations: 0,
    enrolments: {},
    attendance: 0,
    certificates: 0,
  };

  constructor(
    private readonly world: World,
    private readonly today: string,
    private readonly catalogue: Programme[],
    seed: number,
  ) {
    this.r = new Random(seed);
    this.ids = {
      history: world.maxId.class_status_history,
      session: world.maxId.class_sessions,
      allocation: world.maxId.seat_allocations,
      enrolment: world.maxId.enrolments,
      certificate: world.maxId.certificates,
    };
  }

  /** Unique by the id prefix (and in index order, so loading appends), unguessable by the rest. */
  private secret(prefix: string, id: number): string {
    let s = prefix + id.toString(36).padStart(7, '0');
    for (let i = 0; i < 12; i++) s += ALNUM[Math.floor(this.r.next() * 62)];
    return s;
  }

  classRows(p: ClassPlan, out: Sink): void {
    const r = this.r;
    const created = minDate(p.headcount ? addDays(p.end, r.int(10, 60)) : addDays(p.start, -60), this.today);
    const lastChange = this.history(p, created, out);
    const sessions = this.sessions(p, created, out);
    if (p.headcount) {
      const t = p.size;
      this.counts.headcountClasses++;
      this.counts.headcountTotal += t;
      out(
        'training_classes',
        this.classRow(p, null, created, lastChange, [
          t,
          Math.round(t * (0.35 + r.next() * 0.25)),
          Math.round(t * r.next() * 0.25),
          Math.round(t * (0.7 + r.next() * 0.3)),
          r.chance(0.5) ? Math.round(t * r.next() * 0.3) : null,
          r.chance(0.2) ? Math.round(t * r.next() * 0.1) : null,
        ]),
      );
    } else if (hasRoster(p)) {
      const capacity = this.roster(p, sessions, created, out);
      out('training_classes', this.classRow(p, capacity, created, lastChange, null));
    } else {
      // Planned, not yet open: seats allocated to a few units, nobody nominated.
      const allocated = this.childrenOf(p.organiser).slice(0, 5);
      let left = p.size;
      for (const [i, child] of allocated.entries()) {
        const seats =
          i === allocated.length - 1 ? Math.max(1, left) : Math.max(1, Math.floor(p.size / allocated.length));
        left -= seats;
        out('seat_allocations', [++this.ids.allocation, p.id, child, seats, at(created), at(created), 1]);
        this.counts.allocations++;
      }
      out('training_classes', this.classRow(p, p.size, created, lastChange, null));
    }
    this.counts.classes++;
  }

  private childCache = new Map<number, number[]>();
  private childrenOf(unit: number): number[] {
    let c = this.childCache.get(unit);
    if (!c) {
      if (!this.childCache.size) {
        for (const u of this.world.unitIds) {
          const parent = this.world.parent[u]!;
          if (!parent) continue;
          const list = this.childCache.get(parent);
          if (list) list.push(u);
          else this.childCache.set(parent, [u]);
        }
      }
      c = this.childCache.get(unit) ?? [];
      this.childCache.set(unit, c);
    }
    return c;
  }

  private classRow(
    p: ClassPlan,
    capacity: number | null,
    created: string,
    updated: string,
    headcount: (number | null)[] | null,
  ): Row {
    const w = this.world;
    return [
      p.id,
      p.name,
      p.organiser,
      p.level,
      p.partners,
      p.kind,
      p.programmeId,
      p.targetTitles,
      p.start,
      p.end,
      `Hội trường ${w.name[p.organiser]}`,
      p.mode,
      capacity,
      `${(p.id % 300) + 1}-QĐ/${w.code[p.organiser]}`,
      p.status,
      ...(headcount ?? [null, null, null, null, null, null]),
      p.minAttendance,
      p.passGrade,
      p.searchText,
      at(created),
      at(updated),
      1,
    ];
  }

  /** Every step of the workflow up to the class's status, as the transitions service records them. */
  private history(p: ClassPlan, created: string, out: Sink): string {
    const steps: [from: string | null, to: string, date: string][] = [];
    if (p.headcount) {
      steps.push([null, 'completed', created]);
      if (p.status === 'closed') steps.push(['completed', 'closed', minDate(addDays(created, 30), this.today)]);
    } else {
      const dates = [
        created,
        addDays(p.start, -45),
        addDays(p.start, -30),
        p.start,
        addDays(p.end, 1),
        addDays(p.end, 60),
      ];
      const last = p.status === 'cancelled' ? FLOW.indexOf('open') : (FLOW as readonly string[]).indexOf(p.status);
      for (let i = 0; i <= last; i++) {
        const date = minDate(dates[i]! < created ? created : dates[i]!, this.today);
        steps.push([i ? FLOW[i - 1]! : null, FLOW[i]!, date]);
      }
      if (p.status === 'cancelled') steps.push(['open', 'cancelled', minDate(addDays(p.start, -3), this.today)]);
    }
    for (const [from, to, date] of steps) {
      out('class_status_history', [++this.ids.history, p.id, from, to, at(date, 3), null, null]);
    }
    this.counts.history += steps.length;
    return steps[steps.length - 1]![2];
  }

  private sessions(p: ClassPlan, created: string, out: Sink): Held[] {
    const list: Held[] = [];
    const topics = (p.programmeId && this.catalogue.find((c) => c.id === p.programmeId)?.topics) || TOPICS;
    for (let k = 0; k < p.sessions; k++) {
      const id = ++this.ids.session;
      const date = addDays(p.start, Math.floor(k / 2));
      const part = k % 2 ? 'afternoon' : 'morning';
      const hours = sessionPartHours[part];
      out('class_sessions', [
        id,
        p.id,
        date,
        part,
        hours.startsAt,
        hours.endsAt,
        topics[k % topics.length]!,
        this.r.pick(LECTURERS),
        this.secret('s', id),
        at(created),
        at(created),
        1,
      ]);
      // Marked as the session runs: 08:00 or 14:00 in Vietnam.
      list.push({ id, date, markedAt: at(date, k % 2 ? 7 : 1) });
    }
    this.counts.sessions += list.length;
    return list;
  }

  /** Distinct people from the organiser's subtree (Floyd's sampling), in name order. */
  private drawPeople(organiser: number, n: number): number[] {
    const [lo, hi] = this.world.range(organiser);
    const size = hi - lo;
    const take = Math.min(n, size);
    const chosen = new Set<number>();
    for (let j = size - take; j < size; j++) {
      const t = this.r.int(0, j);
      chosen.add(chosen.has(t) ? j : t);
    }
    const keys = this.world.personSortKey;
    const ids = this.world.personId;
    return [...chosen]
      .map((i) => lo + i)
      .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : ids[a]! - ids[b]!));
  }

  private statusFor(p: ClassPlan): string {
    const r = this.r;
    if (p.status === 'open')
      return r.weighted([
        ['nominated', 55],
        ['confirmed', 35],
        ['waitlisted', 5],
        ['withdrawn', 5],
      ] as const);
    if (p.status === 'cancelled') return r.chance(0.7) ? 'confirmed' : 'nominated';
    return r.weighted([
      ['confirmed', 92],
      ['withdrawn', 5],
      ['waitlisted', 3],
    ] as const);
  }

  /** Allocations, enrolments, attendance, results and certificates; returns the class's capacity. */
  private roster(p: ClassPlan, sessions: Held[], created: string, out: Sink): number {
    const r = this.r;
    const w = this.world;
    const kind = w.kind[p.organiser];
    const allocate = kind !== 'branch' && (kind !== 'grassroots' || r.chance(0.5));
    // First the statuses and quotas, so nobody waits for a quota that has a free seat.
    const picks: Pick[] = this.drawPeople(p.organiser, p.size).map((i) => ({
      at: i,
      status: this.statusFor(p),
      child: allocate ? w.childOf(w.personUnit[i]!, p.organiser) : null,
    }));
    const quotas = new Map<number | null, { seated: number; waiting: number; id: number | null }>();
    for (const k of picks) {
      let q = quotas.get(k.child);
      if (!q) quotas.set(k.child, (q = { seated: 0, waiting: 0, id: null }));
      if (k.status === 'waitlisted') {
        if (q.seated === 0) k.status = p.status === 'open' ? 'nominated' : 'confirmed';
        else q.waiting++;
      }
      if (SEATED_STATUSES.has(k.status)) q.seated++;
    }
    let capacity = 0;
    for (const [child, q] of quotas) {
      const seats = q.seated + (q.waiting ? 0 : r.int(0, 2));
      capacity += seats;
      if (child === null || !seats) continue;
      q.id = ++this.ids.allocation;
      out('seat_allocations', [q.id, p.id, child, seats, at(created), at(created), 1]);
      this.counts.allocations++;
    }

    const ran = p.status === 'in_progress' || p.status === 'completed' || p.status === 'closed';
    const finished = p.status === 'completed' || p.status === 'closed';
    const held = ran ? sessions.filter((s) => finished || s.date < this.today) : [];
    const passRank = grades.indexOf(p.passGrade as Grade);
    const issue = finished && r.chance(0.9) ? minDate(addDays(p.end, r.int(3, 20)), this.today) : null;
    // As the service numbers them: the class's end year, whenever the certificates were issued.
    const year = Number(p.end.slice(0, 4));
    const seqKey = `${p.organiser}:${year}`;
    for (const k of picks) {
      const id = ++this.ids.enrolment;
      const seated = SEATED_STATUSES.has(k.status);
      const nominated = minDate(addDays(p.start, -r.int(7, 30)), this.today);
      let attended = 0;
      let marked = 0;
      if (seated && held.length) {
        const poor = r.chance(0.08);
        for (const s of held) {
          const mark = poor
            ? r.weighted([
                ['present', 45],
                ['late', 10],
                ['excused', 20],
                ['absent', 25],
              ] as const)
            : r.weighted([
                ['present', 93],
                ['late', 4],
                ['excused', 2],
                ['absent', 1],
              ] as const);
          if (mark === 'present' || mark === 'late') attended++;
          marked++;
          const method = r.weighted([
            ['grid', 70],
            ['qr', 20],
            ['scan', 5],
            ['upload', 5],
          ] as const);
          out('attendance', [id, s.id, mark, method, s.markedAt, null]);
        }
        this.counts.attendance += marked;
      }
      let score: number | null = null;
      let grade: Grade | null = null;
      let outcome: string | null = null;
      let override: string | null = null;
      if (seated && finished) {
        score = r.chance(0.04) ? r.int(20, 49) / 10 : r.int(50, 100) / 10;
        grade = gradeOf(score);
        const total = sessions.length;
        outcome =
          grades.indexOf(grade) <= passRank && (total === 0 || attended * 100 >= p.minAttendance * total)
            ? 'completed'
            : 'not_completed';
        if (outcome === 'not_completed' && grade !== 'fail' && r.chance(0.1)) override = 'completed';
      } else if (seated && marked) outcome = 'not_completed';
      out('enrolments', [
        id,
        p.id,
        w.personId[k.at]!,
        quotas.get(k.child)!.id,
        w.personUnit[k.at]!,
        w.name[w.personUnit[k.at]!]!,
        w.personTitle[k.at]!,
        k.status,
        k.status === 'waitlisted' ? at(nominated) : null,
        null,
        at(nominated),
        k.status === 'withdrawn' ? r.pick(['Bận công tác đột xuất', 'Ốm đau', 'Chuyển công tác']) : null,
        score,
        grade,
        outcome,
        override,
        override ? 'Đã học bù các buổi vắng' : null,
        this.secret('e', id),
        w.personSortKey[k.at]!,
        at(nominated),
        at(finished ? p.end : nominated),
        1,
      ]);
      this.counts.enrolments[k.status] = (this.counts.enrolments[k.status] ?? 0) + 1;
      if (issue && (override ?? outcome) === 'completed') {
        const seq = (w.maxSeq.get(seqKey) ?? 0) + 1;
        w.maxSeq.set(seqKey, seq);
        const cid = ++this.ids.certificate;
        const revoked = r.chance(0.002) ? minDate(addDays(issue, r.int(30, 200)), this.today) : null;
        out('certificates', [
          cid,
          id,
          p.organiser,
          year,
          seq,
          certificateNumberOf(DEFAULT_CERTIFICATE_PATTERN, { seq, year, unitCode: w.code[p.organiser]! }),
          this.secret('v', cid),
          at(issue, 4),
          null,
          revoked ? at(revoked, 4) : null,
          revoked ? 'Cấp nhầm, đã thu hồi' : null,
          null,
          at(issue, 4),
          at(revoked ?? issue, 4),
          1,
        ]);
        this.counts.certificates++;
      }
    }
    return Math.max(1, capacity);
  }
}
