import dayjs from 'dayjs';

/** Dates are shown dd/mm/yyyy everywhere; the API speaks yyyy-mm-dd. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format(DATE_FORMAT) : '';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

export function toIsoDate(d: dayjs.Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
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
