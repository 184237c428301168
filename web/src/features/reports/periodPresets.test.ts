import { describe, expect, it } from 'vitest';
import { periodPresets } from './periodPresets';

const days = (today: string) => periodPresets(today).map((p) => [p.label, p.values, p.from, p.to]);

describe('the period presets', () => {
  it('offers this and last month, the half-years begun, three years, two terms and many years', () => {
    expect(days('2026-12-05')).toEqual([
      ['presetMonth', { month: 12, year: 2026 }, '2026-12-01', '2026-12-31'],
      ['presetMonth', { month: 11, year: 2026 }, '2026-11-01', '2026-11-30'],
      ['presetSecondHalf', { year: 2026 }, '2026-07-01', '2026-12-31'],
      ['presetFirstHalf', { year: 2026 }, '2026-01-01', '2026-06-30'],
      ['presetSecondHalf', { year: 2025 }, '2025-07-01', '2025-12-31'],
      ['presetYear', { year: 2026 }, '2026-01-01', '2026-12-31'],
      ['presetYear', { year: 2025 }, '2025-01-01', '2025-12-31'],
      ['presetYear', { year: 2024 }, '2024-01-01', '2024-12-31'],
      ['presetTerm', { from: 2022, to: 2027 }, '2022-07-01', '2027-06-30'],
      ['presetTerm', { from: 2017, to: 2022 }, '2017-07-01', '2022-06-30'],
      ['presetYears', { count: 5, from: 2021, to: 2025 }, '2021-01-01', '2025-12-31'],
      ['presetYears', { count: 10, from: 2016, to: 2025 }, '2016-01-01', '2025-12-31'],
      ['presetYears', { count: 15, from: 2011, to: 2025 }, '2011-01-01', '2025-12-31'],
    ]);
  });

  it('gives the article’s fifteen years in January 2024, a February’s last day, and the term by its first of July', () => {
    const jan2024 = periodPresets('2024-01-23');
    expect(jan2024.find((p) => p.values.count === 15)).toMatchObject({ from: '2009-01-01', to: '2023-12-31' });
    expect(jan2024[1]).toMatchObject({ from: '2023-12-01', to: '2023-12-31' });
    expect(periodPresets('2024-02-10')[0]!.to).toBe('2024-02-29');
    expect(jan2024.filter((p) => p.label.endsWith('Half')).map((p) => p.from)).toEqual([
      '2024-01-01',
      '2023-07-01',
      '2023-01-01',
    ]);
    const terms = (today: string) => periodPresets(today).filter((p) => p.label === 'presetTerm')[0]!.values;
    expect(terms('2027-06-30')).toEqual({ from: 2022, to: 2027 });
    expect(terms('2027-07-01')).toEqual({ from: 2027, to: 2032 });
    expect(terms('2023-03-01')).toEqual({ from: 2022, to: 2027 });
  });
});
