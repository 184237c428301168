import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, guessesOf } from './strength';

describe('password strength', () => {
  it('tries a unit’s place name run together without marks', () => {
    expect(guessesOf('Tỉnh đoàn Lâm Đồng')).toEqual(
      expect.arrayContaining(['lamdong', 'tinhdoan', 'doanlamdong', 'tinhdoanlamdong', 'lam', 'dong']),
    );
  });

  it('refuses the unit’s place name and a year for a user of that unit', () => {
    expect(() => checkPasswordStrength('lamdong2024', ['hoa.nguyen', 'Tỉnh đoàn Lâm Đồng'])).toThrow(/dễ đoán/);
  });

  it('accepts a phrase of unrelated words', () => {
    expect(() => checkPasswordStrength('tháng-ba-hoa-gạo-2025', ['hoa.nguyen', 'Tỉnh đoàn Lâm Đồng'])).not.toThrow();
  });
});
