import { describe, expect, it } from 'vitest';
import {
  certificateNumberOf,
  certificatePatternIssue,
  certificatePatternProblem,
  DEFAULT_CERTIFICATE_PATTERN,
} from './training/certificates.ts';

describe('certificate numbering pattern', () => {
  it('fills the running number zero-padded, the year and the unit code, from Vietnamese tokens', () => {
    const v = { seq: 12, year: 2025, unitCode: 'CJ' };
    expect(certificateNumberOf(DEFAULT_CERTIFICATE_PATTERN, v)).toBe('012/GCN-2025');
    expect(certificateNumberOf('{stt}/GCN-{donvi}-{nam}', v)).toBe('12/GCN-CJ-2025');
    expect(certificateNumberOf('Số {stt:4}/{năm}', v)).toBe('Số 0012/2025');
    expect(certificateNumberOf('GCN {stt:5}', { ...v, seq: 7 })).toBe('GCN 00007');
    expect(certificateNumberOf('{stt:2}', { ...v, seq: 1234 })).toBe('1234');
  });

  it('keeps numbering with the English tokens of patterns saved before', () => {
    const v = { seq: 12, year: 2025, unitCode: 'CJ' };
    expect(certificateNumberOf('{seq:3}/GCN-{year}', v)).toBe('012/GCN-2025');
    expect(certificateNumberOf('{seq}/GCN-{unit}-{year}', v)).toBe('12/GCN-CJ-2025');
    expect(certificatePatternProblem('{seq:3}/GCN-{year}')).toBeNull();
  });

  it('names what is wrong with a pattern that cannot number certificates', () => {
    expect(certificatePatternProblem('{stt:3}/GCN')).toBeNull();
    expect(certificatePatternProblem('GCN-{nam}')).toBe('phải có đúng một mã số thứ tự {stt}');
    expect(certificatePatternProblem('{stt}-{seq}')).toBe('phải có đúng một mã số thứ tự {stt}');
    expect(certificatePatternProblem('{stt}/{ngay}')).toBe(
      'mã {ngay} không dùng được; chỉ dùng {stt}, {stt:3}, {nam}, {donvi}',
    );
    expect(certificatePatternIssue('{stt}/{ngay}')).toEqual({ problem: 'unknownToken', token: '{ngay}' });
    expect(certificatePatternProblem('{stt}/GCN}')).toContain('dấu { }');
  });
});
