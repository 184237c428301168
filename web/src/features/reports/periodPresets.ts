/**
 * The quick choices of a period report's form (issue 10 item 1: month, half-year, year, term, many
 * years), as from/to days relative to today. A term of the Union (nhiệm kỳ, congresses every five
 * years: 2017, 2022, 2027) is taken from 1 July of its first year to 30 June of its last, the days
 * the server's narrative names "Nhiệm kỳ 2022 – 2027".
 */
export interface PeriodPreset {
  /** An i18n key of the reports namespace and its values. */
  label: string;
  values: Record<string, number>;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The presets for `today` (yyyy-mm-dd), most recent first within each kind; none lies wholly ahead. */
export function periodPresets(today: string): PeriodPreset[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: PeriodPreset[] = [];
  const previous = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  for (const { year, month } of [{ year: y, month: m }, previous]) {
    out.push({
      label: 'presetMonth',
      values: { month, year },
      from: `${year}-${pad(month)}-01`,
      to: monthEnd(year, month),
    });
  }
  const halves = [
    { label: 'presetSecondHalf', year: y, from: `${y}-07-01`, to: `${y}-12-31` },
    { label: 'presetFirstHalf', year: y, from: `${y}-01-01`, to: `${y}-06-30` },
    { label: 'presetSecondHalf', year: y - 1, from: `${y - 1}-07-01`, to: `${y - 1}-12-31` },
    { label: 'presetFirstHalf', year: y - 1, from: `${y - 1}-01-01`, to: `${y - 1}-06-30` },
  ];
  for (const h of halves.filter((h) => h.from <= today).slice(0, 3)) {
    out.push({ label: h.label, values: { year: h.year }, from: h.from, to: h.to });
  }
  for (const year of [y, y - 1, y - 2]) {
    out.push({ label: 'presetYear', values: { year }, from: `${year}-01-01`, to: `${year}-12-31` });
  }
  // The term running today: it began on 1 July of a year 2, 7, 12, … (2022, 2027).
  let start = y - ((((y - 2) % 5) + 5) % 5);
  if (today < `${start}-07-01`) start -= 5;
  for (const s of [start, start - 5]) {
    out.push({ label: 'presetTerm', values: { from: s, to: s + 5 }, from: `${s}-07-01`, to: `${s + 5}-06-30` });
  }
  for (const count of [5, 10, 15]) {
    out.push({
      label: 'presetYears',
      values: { count, from: y - count, to: y - 1 },
      from: `${y - count}-01-01`,
      to: `${y - 1}-12-31`,
    });
  }
  return out;
}
