import type { Title } from '@canbo/contract';
import { foldVietnamese } from '@canbo/contract';
import { Random, dayBefore } from './random.ts';
import { makeName, pickEthnicity, type Gender, type PersonName } from './names.ts';
import { flatten, type DemoUnit } from './organisation.ts';
import { LAST_OLD_DAY, NEW_UNITS, PROVINCE_DECISION, RESTRUCTURE_DATE } from './restructure.ts';

/**
 * The demo cadres and their dated positions, generated from the organisation with a fixed seed:
 * every load produces the same people. Committees are elected for the 2017–2022 and 2022–2027
 * terms; a few people move up between terms; in 2025 the cadres of ended units take seats in the
 * Lâm Đồng units that replace them.
 */

type Level = 'province' | 'district' | 'grassroots' | 'branch';
type Employment = 'full_time' | 'part_time' | 'concurrent';
type Method = 'elected' | 'appointed' | 'consulted';

export interface DemoPerson {
  ref: number;
  unit: string;
  name: PersonName;
  birthDate: string;
  gender: Gender;
  ethnicityCode: string;
  religion: string | null;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
  partyMember: boolean;
  partyJoinDate: string | null;
  generalEducation: string;
  qualification: 'none' | 'intermediate' | 'college' | 'university' | 'master';
  theoryLevel: 'none' | 'basic' | 'intermediate' | 'advanced';
  itLevel: string | null;
  languageLevel: string | null;
  hardshipArea: boolean;
}

export interface DemoPosition {
  person: number;
  unit: string;
  title: Title;
  employment: Employment;
  method: Method;
  term: string | null;
  decision: string | null;
  startDate: string;
  endDate: string | null;
}

export interface DemoCadres {
  people: DemoPerson[];
  /** Positions up to the restructuring, in units that exist before it. */
  before: DemoPosition[];
  /** Positions from 1 July 2025, some in units the restructuring creates. */
  after: DemoPosition[];
  /** Cadres whose managing unit ended: where their record is kept from 1 July 2025. */
  moves: { person: number; unit: string }[];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const PROVINCE_ID: Record<string, string> = { DNO: '067', LDO: '068', BTH: '060' };

export function generateCadres(seed = 20240123): DemoCadres {
  const rng = new Random(seed);
  const people: DemoPerson[] = [];
  const before: DemoPosition[] = [];
  const after: DemoPosition[] = [];
  const nationalIds = new Set<string>();
  let decisionNo = 100;

  const units = flatten();
  const byCode = new Map(units.map((x) => [x.unit.code, x]));
  /** Units that end on 1 July 2025 (merged or dissolved): positions there end the day before. */
  const ends = (code: string) => {
    const f = byCode.get(code)?.unit.fate;
    return f !== undefined && ('merge' in f || 'dissolve' in f);
  };

  function person(u: DemoUnit, level: Level, born: [number, number], opts: { gender?: Gender } = {}): number {
    const gender: Gender =
      opts.gender ?? (rng.chance(level === 'province' || level === 'district' ? 0.42 : 0.5) ? 'female' : 'male');
    const ethnicityCode = pickEthnicity(rng, u.area);
    const name = makeName(rng, ethnicityCode, gender);
    const birthDate = rng.date(`${born[0]}-01-01`, `${born[1]}-12-28`);
    const year = Number(birthDate.slice(0, 4));
    const minority = ethnicityCode !== '01';
    const partyShare = { province: 0.97, district: 0.9, grassroots: 0.6, branch: 0.2 }[level];
    const partyMember = rng.chance(partyShare);
    const partyJoinDate = partyMember
      ? rng.date(`${Math.min(year + 21, 2023)}-01-01`, `${Math.min(year + 27, 2024)}-12-28`)
      : null;
    const qualification = rng.weighted<DemoPerson['qualification']>(
      level === 'province'
        ? [
            ['university', 75],
            ['master', 25],
          ]
        : level === 'district'
          ? [
              ['university', 85],
              ['master', 10],
              ['college', 5],
            ]
          : level === 'grassroots'
            ? [
                ['university', 55],
                ['college', 20],
                ['intermediate', 20],
                ['none', 5],
              ]
            : [
                ['university', 35],
                ['college', 15],
                ['intermediate', 20],
                ['none', 30],
              ],
    );
    const theoryLevel = rng.weighted<DemoPerson['theoryLevel']>(
      level === 'province'
        ? [
            ['intermediate', 60],
            ['advanced', 15],
            ['basic', 25],
          ]
        : level === 'district'
          ? [
              ['intermediate', 45],
              ['basic', 55],
            ]
          : level === 'grassroots'
            ? [
                ['basic', 60],
                ['none', 30],
                ['intermediate', 10],
              ]
            : [
                ['none', 70],
                ['basic', 30],
              ],
    );
    const religion = rng.weighted<string | null>(
      ethnicityCode === '20' || ethnicityCode === '12' || ethnicityCode === '16'
        ? [
            [null, 45],
            ['Tin Lành', 40],
            ['Công giáo', 15],
          ]
        : ethnicityCode === '17'
          ? [
              ['Bà-la-môn', 60],
              ['Hồi giáo', 25],
              [null, 15],
            ]
          : [
              [null, 75],
              ['Phật giáo', 12],
              ['Công giáo', 13],
            ],
    );
    let nationalId: string | null = null;
    if (rng.chance(0.7)) {
      // CCCD: province of birth registration, century and gender, year of birth, serial.
      const centuryGender = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
      do {
        nationalId = `${PROVINCE_ID[u.code.slice(0, 3)] ?? '067'}${centuryGender}${String(year).slice(2)}${rng.digits(6)}`;
      } while (nationalIds.has(nationalId));
      nationalIds.add(nationalId);
    }
    const ref = people.length + 1;
    const login = foldVietnamese(`${name.givenName} ${name.familyName}`)
      .replace(/[^a-z ]/g, '')
      .replace(/ /g, '.');
    people.push({
      ref,
      unit: u.code,
      name,
      birthDate,
      gender,
      ethnicityCode,
      religion,
      nationalId,
      phone: rng.chance(0.85) ? `0${rng.pick(['9', '8', '3'])}${rng.int(1, 9)}${rng.digits(7)}` : null,
      email: rng.chance(0.45) ? `${login}${rng.int(80, 99)}@example.com` : null,
      partyMember,
      partyJoinDate,
      generalEducation: '12/12',
      qualification,
      theoryLevel,
      itLevel: rng.weighted<string | null>([
        ['Ứng dụng CNTT cơ bản', 60],
        ['Ứng dụng CNTT nâng cao', 10],
        [null, 30],
      ]),
      languageLevel: rng.weighted<string | null>([
        ['Tiếng Anh bậc 2 (A2)', 30],
        ['Tiếng Anh bậc 3 (B1)', 30],
        [minority && u.area.startsWith('dak_nong') ? 'Tiếng Mnông giao tiếp' : null, 10],
        [null, 30],
      ]),
      hardshipArea: u.hardship,
    });
    return ref;
  }

  function hold(
    list: DemoPosition[],
    ref: number,
    unit: string,
    title: Title,
    start: string,
    end: string | null,
    o: { employment?: Employment; method?: Method; term?: string | null; decision?: string | null } = {},
  ): void {
    list.push({
      person: ref,
      unit,
      title,
      employment: o.employment ?? 'full_time',
      method: o.method ?? 'elected',
      term: o.term === undefined ? null : o.term,
      decision: o.decision === undefined ? PROVINCE_DECISION(decisionNo++) : o.decision,
      startDate: start,
      endDate: end,
    });
  }

  /** Who sits where today: the raw material of the 2025 reshuffle. */
  interface Committee {
    secretary: number;
    deputies: number[];
    members: number[];
  }
  const committees = new Map<string, Committee>();

  function levelOf(u: DemoUnit, parent: DemoUnit | null): Level {
    if (u.kind === 'province' && u.organisation === 'doan') return 'province';
    if (u.kind === 'branch' || u.kind === 'standalone_branch') return 'branch';
    if (u.kind === 'district' || u.kind === 'affiliated' || u.kind === 'sector' || u.kind === 'province')
      return 'district';
    return parent?.kind === 'province' ? 'district' : 'grassroots';
  }

  const congress = (level: Level, year: 2017 | 2022) => {
    const base = {
      province: ['2017-09-20', '2022-08-26'],
      district: ['2017-05-10', '2022-05-12'],
      grassroots: ['2017-03-06', '2022-03-07'],
      branch: ['2017-02-10', '2022-02-10'],
    }[level];
    const d = base[year === 2017 ? 0 : 1]!;
    return level === 'province' ? d : addDays(d, rng.int(0, 45));
  };

  // ——— before 2025 ———
  for (const { unit: u, parent } of units) {
    const p = parent ? byCode.get(parent)!.unit : null;
    const level = levelOf(u, p);
    const end = ends(u.code) ? LAST_OLD_DAY : null;
    // Huyện đoàn Đắk Nông ended in 2005, before the records start.
    if (u.code === 'DNO-DAKNONG') continue;
    if (u.organisation !== 'doan') {
      // Hội and Đội bodies: a vice chair of their own; the chair is a Đoàn deputy (added below).
      if (u.kind === 'province' || (u.kind === 'grassroots' && u.organisation === 'hoi')) {
        const vice = person(u, 'district', [1990, 1997]);
        const title: Title =
          u.organisation === 'hoi'
            ? u.kind === 'grassroots'
              ? 'federation_chair'
              : 'federation_vice_chair'
            : 'committee_member';
        hold(before, vice, u.code, title, '2024-10-15', end, { employment: 'part_time', term: '2024–2029' });
        committees.set(u.code, { secretary: vice, deputies: [], members: [] });
      }
      continue;
    }
    if (level === 'branch') {
      if (!rng.chance(0.2)) continue;
      const sec = person(u, 'branch', [1996, 2003]);
      const start = addDays('2024-03-01', rng.int(0, 60));
      hold(before, sec, u.code, 'secretary', start, end, {
        employment: 'concurrent',
        term: '2024–2025',
        decision: null,
      });
      committees.set(u.code, { secretary: sec, deputies: [], members: [] });
      continue;
    }

    const cur = congress(level, 2022);
    const past = congress(level, 2017);
    const term = { term: '2022–2027' };
    const pastTerm = { term: '2017–2022' };
    const pastEnd = dayBefore(cur);
    const c: Committee = { secretary: 0, deputies: [], members: [] };

    if (level === 'province') {
      const big = u.code === 'DNO';
      c.secretary = person(u, level, [1985, 1988]);
      hold(before, c.secretary, u.code, 'secretary', cur, end, {
        ...term,
        decision: `Quyết định số ${decisionNo++}-QĐ/TWĐTN-BTC`,
      });
      for (let i = 0; i < (big ? 3 : 2); i++) {
        const d = person(u, level, [1986, 1991]);
        c.deputies.push(d);
        hold(before, d, u.code, 'deputy_secretary', cur, end, term);
      }
      const boards = big ? ['Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào'] : ['Ban Tổ chức – Kiểm tra'];
      for (const _ of boards) {
        const h = person(u, level, [1986, 1992]);
        c.members.push(h);
        hold(before, h, u.code, 'standing_member', cur, end, term);
        hold(before, h, u.code, 'head_of_board', addDays(cur, 20), end, { method: 'appointed' });
      }
      for (let i = 0; i < (big ? 4 : 2); i++) {
        const m = person(u, level, [1987, 1995]);
        c.members.push(m);
        hold(before, m, u.code, 'committee_member', cur, end, { ...term, employment: 'concurrent' });
      }
      for (let i = 0; i < (big ? 2 : 1); i++) {
        const m = person(u, level, [1990, 1996]);
        c.members.push(m);
        hold(before, m, u.code, 'deputy_head_of_board', addDays(cur, 30), end, { method: 'appointed' });
      }
      for (let i = 0; i < (big ? 4 : 2); i++) {
        const m = person(u, level, [1993, 1999]);
        c.members.push(m);
        hold(before, m, u.code, 'specialist', rng.date('2019-01-01', '2023-12-28'), end, { method: 'appointed' });
      }
      // The 2017–2022 term: the secretary left for the Party in 2020 and a deputy was consulted in.
      const oldSec = person(u, level, [1985, 1986]);
      const changeover = big ? '2020-04-01' : null;
      hold(before, oldSec, u.code, 'secretary', past, changeover ? dayBefore(changeover) : pastEnd, pastTerm);
      const oldDep = person(u, level, [1985, 1988]);
      hold(before, oldDep, u.code, 'deputy_secretary', past, changeover ? dayBefore(changeover) : pastEnd, pastTerm);
      if (changeover)
        hold(before, oldDep, u.code, 'secretary', changeover, pastEnd, { ...pastTerm, method: 'consulted' });
      hold(before, c.secretary, u.code, 'deputy_secretary', past, pastEnd, pastTerm);
      hold(before, c.deputies[0]!, u.code, 'standing_member', past, pastEnd, pastTerm);
    } else if (level === 'district') {
      const full = u.kind === 'district' || u.kind === 'sector';
      c.secretary = person(u, level, [1987, 1992]);
      hold(before, c.secretary, u.code, 'secretary', cur, end, {
        ...term,
        employment: full ? 'full_time' : 'concurrent',
      });
      for (let i = 0; i < (u.kind === 'district' ? 2 : 1); i++) {
        const d = person(u, level, [1989, 1996]);
        c.deputies.push(d);
        hold(before, d, u.code, 'deputy_secretary', cur, end, {
          ...term,
          employment: full ? 'full_time' : 'concurrent',
        });
      }
      if (u.kind === 'district') {
        for (let i = 0; i < 2; i++) {
          const m = person(u, level, [1990, 1997]);
          c.members.push(m);
          hold(before, m, u.code, 'standing_member', cur, end, { ...term, employment: 'part_time' });
        }
        const s = person(u, level, [1994, 2000]);
        c.members.push(s);
        hold(before, s, u.code, 'specialist', rng.date('2020-01-01', '2023-12-28'), end, { method: 'appointed' });
        // Federation chair and pioneers' council chair: concurrent posts of the deputies.
        const hoi = u.children.find((x) => x.organisation === 'hoi');
        const doi = u.children.find((x) => x.organisation === 'doi');
        const hoiEnd = hoi && ends(hoi.code) ? LAST_OLD_DAY : null;
        if (hoi)
          hold(before, c.deputies[0]!, hoi.code, 'federation_chair', '2024-09-20', hoiEnd, {
            employment: 'concurrent',
            term: '2024–2029',
          });
        if (doi)
          hold(before, c.deputies[1]!, doi.code, 'pioneer_council_chair', cur, hoiEnd, {
            employment: 'concurrent',
            ...term,
          });
      }
      const oldSec = person(u, level, [1985, 1990]);
      hold(before, oldSec, u.code, 'secretary', past, pastEnd, {
        ...pastTerm,
        employment: full ? 'full_time' : 'concurrent',
      });
      if (c.deputies[0])
        hold(before, c.deputies[0], u.code, 'committee_member', past, pastEnd, {
          ...pastTerm,
          employment: 'part_time',
        });
    } else {
      // Grassroots: commune unions elect a full-time secretary; schools and agencies a concurrent one.
      const commune = /^Đoàn (xã|phường|thị trấn) /.test(u.name);
      const employment: Employment = commune ? 'full_time' : 'concurrent';
      c.secretary = person(u, level, [1990, 1999]);
      hold(before, c.secretary, u.code, 'secretary', cur, end, { ...term, employment });
      if (rng.chance(0.45)) {
        const d = person(u, level, [1993, 2001]);
        c.deputies.push(d);
        hold(before, d, u.code, 'deputy_secretary', cur, end, {
          ...term,
          employment: commune ? 'part_time' : 'concurrent',
        });
      }
      if (rng.chance(0.2)) {
        const oldSec = person(u, level, [1988, 1996]);
        hold(before, oldSec, u.code, 'secretary', past, pastEnd, { ...pastTerm, employment });
        if (Number(people[c.secretary - 1]!.birthDate.slice(0, 4)) <= 1998) {
          hold(before, c.secretary, u.code, 'deputy_secretary', past, pastEnd, {
            ...pastTerm,
            employment: 'part_time',
          });
        }
      }
    }
    committees.set(u.code, c);
  }

  // Provincial federation and pioneers' council chairs: deputy secretaries of the province, concurrently.
  for (const prov of ['DNO', 'LDO', 'BTH']) {
    const c = committees.get(prov)!;
    const end = ends(prov) ? LAST_OLD_DAY : null;
    hold(before, c.deputies[0]!, `${prov}-HLHTN`, 'federation_chair', '2024-10-15', end, {
      employment: 'concurrent',
      term: '2024–2029',
    });
    hold(before, c.deputies[1]!, `${prov}-HDD`, 'pioneer_council_chair', '2022-12-20', end, {
      employment: 'concurrent',
      term: '2022–2027',
    });
  }

  // ——— from 1 July 2025 ———
  const moves: { person: number; unit: string }[] = [];
  const managed = new Map(people.map((p) => [p.ref, p.unit]));
  const seat = (
    ref: number,
    unit: string,
    title: Title,
    o: {
      employment?: Employment;
      method?: Method;
      term?: string | null;
      start?: string;
      end?: string | null;
      decision?: string;
    } = {},
  ) => {
    hold(after, ref, unit, title, o.start ?? RESTRUCTURE_DATE, o.end ?? null, {
      employment: o.employment ?? 'full_time',
      method: o.method ?? 'appointed',
      term: o.term ?? null,
      ...(o.decision ? { decision: o.decision } : {}),
    });
    // The record follows the cadre's first new seat when the old managing unit has ended.
    const old = managed.get(ref);
    if (old && ends(old) && !moves.some((m) => m.person === ref)) moves.push({ person: ref, unit });
  };

  // The merged provincial committee: the secretaries of Đắk Nông and Bình Thuận become deputies.
  const dn = committees.get('DNO')!;
  const bt = committees.get('BTH')!;
  seat(dn.secretary, 'LDO', 'deputy_secretary', { term: '2022–2027' });
  seat(bt.secretary, 'LDO', 'deputy_secretary', { term: '2022–2027' });
  for (const d of [...dn.deputies, ...bt.deputies]) seat(d, 'LDO', 'standing_member', { term: '2022–2027' });
  for (const m of [...dn.members, ...bt.members]) {
    seat(m, 'LDO', rng.chance(0.3) ? 'deputy_head_of_board' : 'specialist');
  }
  // Sector unions of the three provinces become the provincial People's Committee youth union.
  const ubnd: number[] = [];
  for (const code of ['LDO-KCQ', 'DNO-KCQ', 'BTH-KCQ']) {
    const c = committees.get(code);
    if (c) ubnd.push(c.secretary, ...c.deputies);
  }
  const kdn = committees.get('DNO-KDN');
  if (kdn) ubnd.push(kdn.secretary);
  ubnd.forEach((ref, i) =>
    seat(ref, 'LDO-UBND', i === 0 ? 'secretary' : i < 3 ? 'deputy_secretary' : 'committee_member', {
      employment: 'concurrent',
      term: '2025–2030',
    }),
  );
  const cqd = committees.get('DNO-KDN');
  if (cqd?.deputies[0]) seat(cqd.deputies[0], 'LDO-CQD', 'secretary', { employment: 'concurrent', term: '2025–2030' });
  for (const [from, into] of [
    ['DNO-CA', 'LDO-CA'],
    ['BTH-CA', 'LDO-CA'],
    ['DNO-QS', 'LDO-QS'],
    ['DNO-HLHTN', 'LDO-HLHTN'],
    ['BTH-HLHTN', 'LDO-HLHTN'],
  ] as const) {
    const c = committees.get(from);
    if (!c) continue;
    const hoi = into.endsWith('HLHTN');
    seat(c.secretary, into, hoi ? 'federation_vice_chair' : 'deputy_secretary', {
      employment: hoi ? 'part_time' : 'concurrent',
    });
  }

  // New commune unions: an appointed interim committee, then the committee elected at the first congress.
  for (const nu of NEW_UNITS.filter((n) => n.kind === 'commune')) {
    const sources = units.filter((x) => x.unit.fate && 'merge' in x.unit.fate && x.unit.fate.merge === nu.code);
    if (!sources.length) continue;
    const districts = [...new Set(sources.map((s) => s.parent!))];
    // District cadres are shared out over the district's new communes, in order.
    const districtPool = districts.flatMap((d) => {
      const c = committees.get(d);
      const siblings = NEW_UNITS.filter((n) =>
        units.some((x) => x.parent === d && x.unit.fate && 'merge' in x.unit.fate && x.unit.fate.merge === n.code),
      );
      const i = siblings.findIndex((n) => n.code === nu.code);
      if (!c) return [];
      const all = [c.deputies[0], c.members[0], c.deputies[1], c.members[1], c.members[2], c.secretary].filter(
        (x): x is number => x !== undefined,
      );
      return all.filter((_, k) => k % siblings.length === i);
    });
    const local = sources.map((s) => committees.get(s.unit.code)).filter((c): c is Committee => c !== undefined);
    const secretary = districtPool[0] ?? local[0]?.secretary;
    if (secretary === undefined) continue;
    const deputies = [...districtPool.slice(1), ...local.map((c) => c.secretary)]
      .filter((x) => x !== secretary)
      .slice(0, 2);
    const members = [...districtPool.slice(1), ...local.flatMap((c) => [c.secretary, ...c.deputies])].filter(
      (x) => x !== secretary && !deputies.includes(x),
    );
    const interimEnd = nu.congress ? dayBefore(nu.congress) : null;
    const decision = PROVINCE_DECISION(decisionNo++);
    seat(secretary, nu.code, 'secretary', { end: interimEnd, decision });
    for (const d of deputies)
      seat(d, nu.code, 'deputy_secretary', { end: interimEnd, employment: 'part_time', decision });
    if (nu.congress) {
      const elected = { start: nu.congress, method: 'elected' as const, term: '2025–2030' };
      seat(secretary, nu.code, 'secretary', elected);
      for (const d of deputies) seat(d, nu.code, 'deputy_secretary', { ...elected, employment: 'part_time' });
      for (const m of members.slice(0, 2)) seat(m, nu.code, 'standing_member', { ...elected, employment: 'part_time' });
    } else {
      for (const m of members.slice(0, 2))
        seat(m, nu.code, 'committee_member', { end: interimEnd, employment: 'part_time', decision });
    }
  }

  return { people, before, after, moves };
}
