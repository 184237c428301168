import { genderLabels } from '@canbo/contract';
import { describe, expect, it } from 'vitest';
import { readDate, readWord } from './cells.ts';

describe('reading an import cell', () => {
  it('reads Excel day numbers, dd/mm/yyyy (with / - .) and yyyy-mm-dd as the same calendar day', () => {
    expect(readDate('34408')).toEqual({ value: '1994-03-15' });
    expect(readDate('34408.75')).toEqual({ value: '1994-03-15' });
    expect(readDate('15/03/1994')).toEqual({ value: '1994-03-15' });
    expect(readDate('5-3-1994')).toEqual({ value: '1994-03-05' });
    expect(readDate('05.03.1994')).toEqual({ value: '1994-03-05' });
    expect(readDate('1994-03-15')).toEqual({ value: '1994-03-15' });
    expect(readDate('29/02/2000')).toEqual({ value: '2000-02-29' });
  });

  it('refuses impossible dates, a year alone and other text, saying why', () => {
    expect(readDate('29/02/1999')).toEqual({
      error: { vi: 'ngày "29/02/1999" không có trên lịch', en: 'the date "29/02/1999" is not on the calendar' },
    });
    expect(readDate('13/13/2000')).toMatchObject({ error: { vi: 'ngày "13/13/2000" không có trên lịch' } });
    expect(readDate('1994')).toEqual({
      error: {
        vi: '"1994" không phải ngày: hãy ghi dạng dd/mm/yyyy',
        en: '"1994" is not a date: write it as dd/mm/yyyy',
      },
    });
    expect(readDate('tháng 3/1994')).toMatchObject({
      error: { vi: '"tháng 3/1994" không phải ngày: hãy ghi dạng dd/mm/yyyy' },
    });
    expect(readDate('01/01/1899')).toEqual({
      error: {
        vi: 'ngày "01/01/1899" phải trong khoảng năm 1900 đến 2199',
        en: 'the date "01/01/1899" must be between 1900 and 2199',
      },
    });
  });

  it('reads a drop-down word in any case, with or without diacritics', () => {
    expect(readWord('NỮ', genderLabels)).toEqual({ value: 'female' });
    expect(readWord('nu', genderLabels)).toEqual({ value: 'female' });
    expect(readWord('Nam ', genderLabels)).toEqual({ value: 'male' });
    expect(readWord('male', genderLabels)).toEqual({
      error: { vi: '"male" không có trong danh sách (Nam, Nữ)', en: '"male" is not in the list (Nam, Nữ)' },
    });
  });
});
