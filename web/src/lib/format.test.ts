import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatDate, formatDateTime, toIsoDate } from './format';

describe('date formatting', () => {
  it('shows API dates as dd/mm/yyyy and sends them back as yyyy-mm-dd', () => {
    expect(formatDate('2024-01-23')).toBe('23/01/2024');
    expect(formatDate(null)).toBe('');
    expect(toIsoDate(dayjs('2025-07-01'))).toBe('2025-07-01');
    expect(formatDateTime('2025-07-01T08:05:00')).toBe('01/07/2025 08:05');
  });
});
