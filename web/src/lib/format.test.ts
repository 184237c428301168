import { afterEach, describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { distinctShortName, formatDate, formatDateTime, toIsoDate, today } from './format';

// A browser far from Vietnam (UTC−8 in December): its own calendar is a day behind Vietnam's
// every morning there. The web project runs each test file in its own process.
process.env.TZ = 'America/Los_Angeles';

afterEach(() => {
  vi.useRealTimers();
});

describe('date formatting', () => {
  it('shows API dates as dd/mm/yyyy and sends them back as yyyy-mm-dd', () => {
    expect(formatDate('2024-01-23')).toBe('23/01/2024');
    expect(formatDate(null)).toBe('');
    expect(toIsoDate(dayjs('2025-07-01'))).toBe('2025-07-01');
    expect(formatDateTime('2025-07-01T01:05:00.000Z')).toBe('01/07/2025 08:05');
  });

  it("dates a moment by Vietnam's calendar, not the browser's clock", () => {
    // 20:00 UTC on 3 December is 03:00 on 4 December in Vietnam, noon on the 3rd in Los Angeles
    expect(new Date('2026-12-03T20:00:00.000Z').getDate()).toBe(3);
    expect(formatDate('2026-12-03T20:00:00.000Z')).toBe('04/12/2026');
    expect(formatDateTime('2026-12-03T20:00:00.000Z')).toBe('04/12/2026 03:00');
    // a calendar date stays the day it names
    expect(formatDate('2026-12-03')).toBe('03/12/2026');
  });

  it("takes today from Vietnam's calendar", () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T20:00:00.000Z'), toFake: ['Date'] });
    expect(today()).toBe('2026-12-04');
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
