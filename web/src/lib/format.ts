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
