import dayjs from 'dayjs';

/** Dates are shown dd/mm/yyyy everywhere; the API speaks yyyy-mm-dd. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/**
 * A moment's date and time as read in Vietnam, whatever the clock of the browser showing it: a
 * certificate revoked at 03:00 in Gia Nghĩa was revoked that day, also for a reader abroad — and the
 * server dates its documents so (server/src/lib/dates.ts).
 */
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function inVietnam(moment: string | Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = VIETNAM_TIME.formatToParts(typeof moment === 'string' ? new Date(moment) : moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** A calendar date (yyyy-mm-dd) as it is; a timestamp as the day it was in Vietnam. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (iso.length <= 10) return dayjs(iso).format(DATE_FORMAT);
  const v = inVietnam(iso);
  return `${v.day}/${v.month}/${v.year}`;
}

/** A timestamp as Vietnam's clock read it: dd/mm/yyyy hh:mm. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const v = inVietnam(iso);
  return `${v.day}/${v.month}/${v.year} ${v.hour}:${v.minute}`;
}

export function toIsoDate(d: dayjs.Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** Today in Vietnam (yyyy-mm-dd): the day the server counts "today" by, not the browser's. */
export function today(): string {
  const v = inVietnam(new Date());
  return `${v.year}-${v.month}-${v.day}`;
}

/** A number as a Vietnamese reader writes it: 36.460; 62,5. */
export function formatNumber(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

/**
 * The short name worth showing beside a unit's name — "Hội Liên hiệp Thanh niên Việt Nam tỉnh Lâm
 * Đồng (Hội LHTN tỉnh)" — or null: never "Tỉnh đoàn Đắk Nông (Tỉnh đoàn Đắk Nông)", a short name that
 * is the name itself (spaces and case aside) adds nothing.
 */
export function distinctShortName(unit: { name: string; shortName?: string | null }): string | null {
  const plain = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  const short = unit.shortName?.trim();
  return short && plain(short) !== plain(unit.name) ? short : null;
}
