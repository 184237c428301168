import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  id,
  isoDate,
  MAX_INT,
  optionalMultilineText,
  optionalText,
  pageQuery,
  passwordText,
  searchTerm,
  text,
  version,
} from './common.ts';
import { loginRequest } from './auth.ts';
import { personCreate } from './people.ts';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('the text type', () => {
  it('stores text composed (NFC), trimmed, with plain spaces', () => {
    expect(text(50).parse('  Tra\u0302\u0300n\u00a0Thi\u0323\u3000')).toBe('Trần Thị');
    expect(text(50).parse('Trần').length).toBe(4);
  });

  it('refuses NUL and other control characters, naming the character', () => {
    expect(messageOf(text(50), 'ad\u0000min')).toBe('có ký tự điều khiển không in được (U+0000)');
    expect(messageOf(text(50), 'a\u001bb')).toMatch(/U\+001B/);
    expect(messageOf(text(50), 'a\u0085b')).toMatch(/U\+0085/);
  });

  it('refuses broken Unicode (a lone surrogate)', () => {
    expect(messageOf(text(50), 'x\ud800y')).toMatch(/lỗi mã hoá/);
  });

  it('refuses invisible and direction characters', () => {
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad']) {
      expect(messageOf(text(50), `Ho${ch}a`), ch).toMatch(/ký tự ẩn/);
    }
    for (const ch of ['\u202e', '\u202d', '\u2067', '\u2069', '\u200f', '\u061c']) {
      expect(messageOf(text(50), `Ho${ch}a`), ch).toMatch(/đổi chiều chữ/);
    }
  });

  it('keeps line breaks and tabs only in multi-line fields', () => {
    expect(messageOf(text(50), 'a\nb')).toMatch(/một dòng/);
    expect(messageOf(text(50), 'a\tb')).toMatch(/một dòng/);
    expect(messageOf(text(50), 'a\u2028b')).toMatch(/một dòng/);
    const notes = optionalMultilineText(100);
    expect(notes.parse('  một\r\nhai\rba\u2028bốn\tnăm  ')).toBe('một\nhai\nba\nbốn\tnăm');
    expect(messageOf(notes, 'a\u0000b')).toMatch(/U\+0000/);
  });

  it('counts the length after normalising, and empty optional text is null', () => {
    expect(text(4).safeParse('Tra\u0302\u0300n').success).toBe(true);
    expect(text(4).safeParse('   ').success).toBe(false);
    expect(optionalText(10).parse('   ')).toBeNull();
    expect(searchTerm.parse(' Thu\u0309y ')).toBe('Thủy');
  });

  it('a password may hold any printable character, as typed, but no control character', () => {
    const password = passwordText(200).min(10);
    expect(password.parse('  mật khẩu\u200b dài  ')).toBe('  mật khẩu\u200b dài  ');
    expect(messageOf(password, 'mat-khau-\u0000-dai')).toMatch(/U\+0000/);
    expect(messageOf(password, 'mat-khau-\ud800-dai')).toMatch(/lỗi mã hoá/);
  });

  it('reads the login and the names of the contract through it', () => {
    expect(loginRequest.safeParse({ login: 'ad\u0000min', password: 'x' }).success).toBe(false);
    expect(loginRequest.parse({ login: ' Admin ', password: 'x' }).login).toBe('admin');
    const p = { unitId: 1, familyName: 'Trần', givenName: 'An', gender: 'male', ethnicityCode: '01' };
    expect(personCreate.safeParse({ ...p, givenName: 'A\u202en' }).success).toBe(false);
    expect(personCreate.parse({ ...p, notes: 'a\nb' }).notes).toBe('a\nb');
    expect(personCreate.safeParse({ ...p, religion: 'a\nb' }).success).toBe(false);
  });
});

describe('the id type and integer inputs', () => {
  it('accepts ids up to the PostgreSQL integer range, from paths and bodies alike', () => {
    expect(id.parse('2147483647')).toBe(MAX_INT);
    expect(id.parse(12)).toBe(12);
    for (const bad of ['2147483648', 3_000_000_000, 2 ** 53, 0, -1, 1.5, 'abc', null]) {
      expect(id.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(messageOf(id, 3_000_000_000)).toBe('không được lớn hơn 2147483647');
  });

  it('bounds versions and pages to the integer range too', () => {
    expect(version.safeParse(3_000_000_000).success).toBe(false);
    expect(pageQuery.safeParse({ page: '3000000000' }).success).toBe(false);
  });

  it('dates are within years 1900 to 2199 (PostgreSQL has no year 0)', () => {
    expect(isoDate.safeParse('0000-01-01').success).toBe(false);
    expect(isoDate.safeParse('9999-12-31').success).toBe(false);
    expect(isoDate.safeParse('1900-01-01').success).toBe(true);
    expect(isoDate.safeParse('2199-12-31').success).toBe(true);
  });
});
