import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatDate, formatDateTime, toIsoDate, distinctShortName } from './format';

describe('date formatting', () => {
  it('shows API dates as dd/mm/yyyy and sends them back as yyyy-mm-dd', () => {
    expect(formatDate('2024-01-23')).toBe('23/01/2024');
    expect(formatDate(null)).toBe('');
    expect(toIsoDate(dayjs('2025-07-01'))).toBe('2025-07-01');
    expect(formatDateTime('2025-07-01T08:05:00')).toBe('01/07/2025 08:05');
  });
});

describe('unit names', () => {
  it('shows a short name beside the name only when it says something the name does not', () => {
    expect(distinctShortName({ name: 'Tỉnh đoàn Đắk Nông', shortName: 'Tỉnh đoàn Đắk Nông' })).toBeNull();
    expect(distinctShortName({ name: 'Tỉnh đoàn Đắk Nông', shortName: ' tỉnh đoàn  đắk nông ' })).toBeNull();
    expect(distinctShortName({ name: 'Hội LHTN Việt Nam tỉnh Lâm Đồng', shortName: 'Hội LHTN tỉnh' })).toBe(
      'Hội LHTN tỉnh',
    );
    expect(distinctShortName({ name: 'Đoàn xã Cư Jút', shortName: null })).toBeNull();
  });
});
