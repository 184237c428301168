import { describe, expect, it } from 'vitest';
import { kindCodeOf } from './kindCode';

const PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

describe('a new training kind’s code', () => {
  it('is made from the name without accents, in the contract’s pattern', () => {
    expect(kindCodeOf('Bồi dưỡng kỹ năng số', [])).toBe('boi_duong_ky_nang_so');
    expect(kindCodeOf('Đội TNTP Hồ Chí Minh', [])).toBe('doi_tntp_ho_chi_minh');
    for (const name of ['1+2', 'Â', '   Lý luận — chính trị!  ', 'x'.repeat(120), '', '%%%']) {
      expect(kindCodeOf(name, [])).toMatch(PATTERN);
    }
  });

  it('never takes a code already in use', () => {
    expect(kindCodeOf('Kỹ năng', ['ky_nang'])).toBe('ky_nang_2');
    expect(kindCodeOf('Kỹ năng', ['ky_nang', 'ky_nang_2'])).toBe('ky_nang_3');
  });
});
