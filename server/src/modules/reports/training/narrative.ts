import {
  classLevelLabels,
  organisationLabels,
  type ClassLevel,
  type Organisation,
  type UnitKind,
} from '@canbo/contract';
import { vnDate } from '../../../lib/dates.ts';

/**
 * The training summary told in sentences (issue 10 item 8), in the style of the newspaper's account
 * ("Trong 15 năm qua, toàn tỉnh tổ chức 429 lớp bồi dưỡng nghiệp vụ cho hơn 36.460 lượt cán bộ đoàn,
 * hội, đội…"). Pure: the figures and the words for the period and the unit in, paragraphs out.
 */

export interface Counts {
  classes: number;
  participations: number;
  people: number;
}

export interface NarrativeInput {
  /** The period (yyyy-mm-dd) and today (Vietnam), which decides whether "N năm qua" is recent. */
  from: string;
  to: string;
  today: string;
  unit: { name: string; kind: UnitKind };
  total: Counts;
  byLevel: readonly ({ level: ClassLevel } & Counts)[];
  byKind: readonly ({ name: string } & Counts)[];
  byOrganisation: readonly ({ organisation: Organisation } & Counts)[];
  /** Large numbers in words ("hơn 12 ngàn") instead of exact ("12.046"). */
  rounded: boolean;
}

/** An integer as Vietnamese write it: 36.460. */
export function vnNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A number rounded in words: exact below 1.000; to the hundred below 10.000 ("hơn 2.000"), to the
 * thousand below a million ("hơn 12 ngàn"), to the tenth of a million above ("gần 1,3 triệu"); "hơn"
 * when the exact number is above the rounded one, "gần" when below, nothing when equal.
 */
export function roundedNumber(n: number): string {
  if (n < 1000) return vnNumber(n);
  const step = n < 10_000 ? 100 : n < 1_000_000 ? 1000 : 100_000;
  const round = Math.round(n / step) * step;
  const words =
    n < 10_000
      ? vnNumber(round)
      : n < 1_000_000
        ? `${vnNumber(round / 1000)} ngàn`
        : `${String(round / 1_000_000).replace('.', ',')} triệu`;
  return n > round ? `hơn ${words}` : n < round ? `gần ${words}` : words;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The period as a report's sentence opens: "Năm 2023", "6 tháng đầu năm 2024", "Quý II năm 2024",
 * "Tháng 3 năm 2024", "Nhiệm kỳ 2022 – 2027" (01/07 to 30/06 five years on, as the form's preset),
 * "Trong 15 năm qua (2009 – 2023)"; any other period "Từ ngày 01/07/2021 đến ngày 30/06/2022".
 */
export function periodWords(from: string, to: string, today: string): string {
  const y1 = Number(from.slice(0, 4));
  const y2 = Number(to.slice(0, 4));
  const m1 = Number(from.slice(5, 7));
  const m2 = Number(to.slice(5, 7));
  const wholeMonths = from.slice(8) === '01' && to === monthEnd(y2, m2);
  if (wholeMonths && y1 === y2) {
    if (m1 === 1 && m2 === 12) return `Năm ${y1}`;
    if (m1 === m2) return `Tháng ${m1} năm ${y1}`;
    if (m1 === 1) return `${m2} tháng đầu năm ${y1}`;
    if (m1 === 7 && m2 === 12) return `6 tháng cuối năm ${y1}`;
    if (m2 === m1 + 2 && m1 % 3 === 1) return `Quý ${ROMAN[(m1 - 1) / 3]} năm ${y1}`;
  }
  if (wholeMonths && m1 === 1 && m2 === 12) {
    const years = y2 - y1 + 1;
    const recent = y2 >= Number(today.slice(0, 4)) - 1;
    return recent ? `Trong ${years} năm qua (${y1} – ${y2})` : `Trong ${years} năm, từ năm ${y1} đến năm ${y2}`;
  }
  if (wholeMonths && m1 === 7 && m2 === 6 && y2 === y1 + 5) return `Nhiệm kỳ ${y1} – ${y2}`;
  return `Từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`;
}

/** Who did it: "toàn tỉnh" for a province, "toàn huyện" (a city's union: "toàn thành phố"), else the unit's name. */
export function unitWords(name: string, kind: UnitKind): string {
  if (kind === 'central') return 'toàn Đoàn';
  if ((kind === 'province' || kind === 'district') && name.startsWith('Thành đoàn')) return 'toàn thành phố';
  if (kind === 'province') return 'toàn tỉnh';
  if (kind === 'district') return 'toàn huyện';
  return name;
}

/** "đoàn, hội, đội" / "đoàn và hội" / "đoàn": the organisations whose cadres took part. */
function whose(byOrganisation: NarrativeInput['byOrganisation']): string {
  const names = byOrganisation
    .filter((o) => o.participations > 0)
    .map((o) => organisationLabels[o.organisation].toLocaleLowerCase('vi'));
  if (names.length === 0) return 'đoàn, hội, đội';
  return names.length === 2 ? names.join(' và ') : names.join(', ');
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * The paragraph: the totals, the organiser levels and the largest kinds (when there is more than one),
 * then the people named on the rosters.
 */
export function trainingNarrative(input: NarrativeInput): string[] {
  const n = (x: number) => (input.rounded ? roundedNumber(x) : vnNumber(x));
  const when = periodWords(input.from, input.to, input.today);
  const who = unitWords(input.unit.name, input.unit.kind);
  const { total } = input;
  if (total.classes === 0 && total.participations === 0) {
    return [`${when}, ${who} chưa có lớp tập huấn, bồi dưỡng nào được ghi nhận.`];
  }
  const opening =
    total.classes > 0
      ? `${when}, ${who} tổ chức ${n(total.classes)} lớp tập huấn, bồi dưỡng cho ${n(total.participations)} lượt cán bộ ${whose(input.byOrganisation)}`
      : `${when}, ${who} không tổ chức lớp nào; cán bộ ${whose(input.byOrganisation)} tham gia ${n(total.participations)} lượt tập huấn, bồi dưỡng do cấp trên tổ chức`;
  const people =
    total.people > 0
      ? `Theo danh sách học viên, ${n(total.people)} cán bộ đã được tập huấn, bồi dưỡng ít nhất một lần.`
      : null;

  const levels = input.byLevel.filter((l) => l.classes > 0 || l.participations > 0);
  const levelParts = levels.map((l) => {
    const level = classLevelLabels[l.level].toLocaleLowerCase('vi');
    return l.classes > 0
      ? `${level} tổ chức ${n(l.classes)} lớp cho ${n(l.participations)} lượt cán bộ`
      : `${level} có ${n(l.participations)} lượt cán bộ tham gia`;
  });
  const second = levels.length > 1 ? `Trong đó, ${levelParts.join('; ')}.` : null;

  const kinds = [...input.byKind]
    .filter((k) => k.participations > 0 || k.classes > 0)
    .sort((a, b) => b.participations - a.participations || b.classes - a.classes)
    .slice(0, 3);
  const kindPart = (k: (typeof kinds)[number]) =>
    `${lowerFirst(k.name)} (${n(k.classes)} lớp, ${n(k.participations)} lượt)`;
  const third =
    kinds.length > 1
      ? upperFirst(
          `theo loại hình, nhiều nhất là ${kindPart(kinds[0]!)}, tiếp đến ${kinds.slice(1).map(kindPart).join(' và ')}.`,
        )
      : null;
  return [[`${opening}.`, second, third, people].filter(Boolean).join(' ')];
}
