import { describe, expect, it } from 'vitest';
import {
  certificateNumberOf,
  certificatePatternProblem,
  DEFAULT_CERTIFICATE_PATTERN,
} from './training/certificates.ts';

describe('certificate numbering pattern', () => {
  it('fills the sequence zero-padded, the year and the unit code', () => {
    const v = { seq: 12, year: 2025, unitCode: 'CJ' };
    expect(certificateNumberOf(DEFAULT_CERTIFICATE_PATTERN, v)).toBe('012/GCN-2025');
    expect(certificateNumberOf('{seq}/GCN-{unit}-{year}', v)).toBe('12/GCN-CJ-2025');
    expect(certificateNumberOf('GCN {seq:5}', { ...v, seq: 7 })).toBe('GCN 00007');
    expect(certificateNumberOf('{seq:2}', { ...v, seq: 1234 })).toBe('1234');
  });

  it('names what is wrong with a pattern that cannot number certificates', () => {
    expect(certificatePatternProblem('{seq:3}/GCN')).toBeNull();
    expect(certificatePatternProblem('GCN-{year}')).toBe('phải có đúng một mã số thứ tự {seq}');
    expect(certificatePatternProblem('{seq}-{seq}')).toBe('phải có đúng một mã số thứ tự {seq}');
    expect(certificatePatternProblem('{seq}/{nam}')).toContain('mã {nam} không dùng được');
    expect(certificatePatternProblem('{seq}/GCN}')).toContain('dấu { }');
  });
});
