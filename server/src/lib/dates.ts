/** Calendar arithmetic on `yyyy-mm-dd` strings, in Vietnam's time zone (UTC+7, no daylight saving). */

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as the user in Vietnam sees it: a position "held today" must not flip at 17:00 UTC. */
export function todayIso(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same day `years` earlier; 29 February falls back to the 28th in a common year. */
export function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  let rest = iso.slice(4);
  if (rest === '-02-29' && !isLeap(year)) rest = '-02-28';
  return `${String(year).padStart(4, '0')}${rest}`;
}

/** The calendar day `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(ms + n * 86_400_000).toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`, as dates are written in Vietnamese documents and messages. */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
