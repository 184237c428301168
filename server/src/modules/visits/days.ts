import type { VisitDayCounting } from '@canbo/contract';

const DAY_MS = 86_400_000;

function utc(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Days from `start` to `end`, both included: every day, or Monday to Friday only. */
export function countDays(start: string, end: string, counting: VisitDayCounting): number {
  const from = utc(start);
  const to = utc(end);
  if (to < from) return 0;
  const total = Math.round((to - from) / DAY_MS) + 1;
  if (counting === 'calendar') return total;
  // Whole weeks hold five working days each; the remainder is walked.
  let working = Math.floor(total / 7) * 5;
  const firstDow = new Date(from).getUTCDay();
  for (let i = 0; i < total % 7; i++) {
    const dow = (firstDow + i) % 7;
    if (dow !== 0 && dow !== 6) working++;
  }
  return working;
}

/** A trip's days, and those falling in its start year: a trip across New Year splits between the years. */
export function tripDays(
  start: string,
  end: string,
  counting: VisitDayCounting,
): { days: number; startYearDays: number } {
  const yearEnd = `${start.slice(0, 4)}-12-31`;
  const days = countDays(start, end, counting);
  return { days, startYearDays: end > yearEnd ? countDays(start, yearEnd, counting) : days };
}

/**
 * The share of `year` gone by on `today` as a fraction elapsed/length: a past year is all gone,
 * a future one not begun. On track means days × length ≥ requirement × elapsed (integers only).
 */
export function elapsedOfYear(year: number, today: string): { elapsed: number; length: number } {
  const length = countDays(`${year}-01-01`, `${year}-12-31`, 'calendar');
  const current = Number(today.slice(0, 4));
  if (year < current) return { elapsed: length, length };
  if (year > current) return { elapsed: 0, length };
  return { elapsed: countDays(`${year}-01-01`, today, 'calendar'), length };
}
