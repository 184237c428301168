import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates.ts';
import { countDays, elapsedOfYear, tripDays } from './days.ts';

describe('visit days', () => {
  it('counts calendar days inclusively, and Monday to Friday when working days are asked for', () => {
    expect(countDays('2024-03-04', '2024-03-04', 'calendar')).toBe(1);
    expect(countDays('2024-02-26', '2024-03-03', 'calendar')).toBe(7); // over a leap day
    // 2024-03-04 is a Monday: two weeks less the weekends, plus Monday the 18th.
    expect(countDays('2024-03-04', '2024-03-18', 'working')).toBe(11);
    expect(countDays('2024-03-09', '2024-03-10', 'working')).toBe(0);
    expect(countDays('2024-03-05', '2024-03-04', 'calendar')).toBe(0);
  });

  it('splits a trip across New Year between its years', () => {
    expect(tripDays('2023-12-28', '2024-01-05', 'calendar')).toEqual({ days: 9, startYearDays: 4 });
    // 28–29 Dec 2023 (Thu, Fri); 1–5 Jan 2024 (Mon–Fri).
    expect(tripDays('2023-12-28', '2024-01-05', 'working')).toEqual({ days: 7, startYearDays: 2 });
    expect(tripDays('2024-05-01', '2024-05-10', 'calendar')).toEqual({ days: 10, startYearDays: 10 });
  });

  it('finds the due date and the elapsed share of a year', () => {
    expect(addDays('2024-12-25', 10)).toBe('2025-01-04');
    expect(elapsedOfYear(2024, '2024-03-01')).toEqual({ elapsed: 61, length: 366 });
    expect(elapsedOfYear(2023, '2024-03-01')).toEqual({ elapsed: 365, length: 365 });
    expect(elapsedOfYear(2025, '2024-03-01')).toEqual({ elapsed: 0, length: 365 });
  });
});
