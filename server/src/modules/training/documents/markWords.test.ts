import { describe, expect, it } from 'vitest';
import { markOfWord } from './markWords.ts';

describe("an attendance sheet's marks", () => {
  it('are read as words or as the grid’s letters, in any case, with or without diacritics', () => {
    expect(['Có mặt', 'co mat', 'C', 'c'].map(markOfWord)).toEqual(['present', 'present', 'present', 'present']);
    expect(['Đi muộn', 'M', 'Vắng có phép', 'p', 'Vắng không phép', 'K'].map(markOfWord)).toEqual([
      'late',
      'late',
      'excused',
      'excused',
      'absent',
      'absent',
    ]);
    expect(['X', 'Có', ''].map(markOfWord)).toEqual([undefined, undefined, undefined]);
  });
});
