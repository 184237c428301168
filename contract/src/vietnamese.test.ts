import { describe, expect, it } from 'vitest';
import { foldVietnamese, fullName, vietnameseSortKey } from './vietnamese.ts';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('vietnameseSortKey', () => {
  it('orders given names the Vietnamese way: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    const order = ['An', 'Ân', 'Bùi', 'Dương', 'Đặng', 'Đinh', 'Ông', 'Ơn', 'Trần', 'Uông', 'Ưng'];
    const shuffled = [...order].reverse();
    const sorted = shuffled
      .map((given) => ({ given, key: vietnameseSortKey(given, 'Nguyễn', 'Văn') }))
      .sort((a, b) => byKey(a.key, b.key))
      .map((x) => x.given);
    expect(sorted).toEqual(order);
  });

  it('sorts by given name first, then family name, then middle name', () => {
    const people = [
      ['Trần', 'Văn', 'An'],
      ['Lê', 'Thị', 'Bình'],
      ['Lê', 'Văn', 'An'],
      ['Lê', 'Anh', 'An'],
    ] as const;
    const sorted = people
      .map(([f, m, g]) => ({ name: fullName(f, m, g), key: vietnameseSortKey(g, f, m) }))
      .sort((a, b) => byKey(a.key, b.key))
      .map((x) => x.name);
    expect(sorted).toEqual(['Lê Anh An', 'Lê Văn An', 'Trần Văn An', 'Lê Thị Bình']);
  });

  it('compares letters before tones, and a shorter name before a longer one', () => {
    const key = (g: string) => vietnameseSortKey(g, 'Lê');
    // tones only break ties: "Ánh" sorts with "Anh", before "Ăn"
    expect(key('Anh') < key('Ánh')).toBe(true);
    expect(key('Ánh') < key('Ăn')).toBe(true);
    expect(key('An') < key('Anh')).toBe(true);
    // tone order: ngang, huyền, hỏi, ngã, sắc, nặng
    const tones = ['Ma', 'Mà', 'Mả', 'Mã', 'Má', 'Mạ'];
    expect([...tones].reverse().sort((a, b) => byKey(key(a), key(b)))).toEqual(tones);
  });

  it('is plain ASCII, so a binary collation on any engine gives the same order', () => {
    expect(vietnameseSortKey('Ưng', 'Đặng', 'Thị Ngọc')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('ignores case, composed or decomposed input and extra spaces', () => {
    expect(vietnameseSortKey('ĐẶNG', ' nguyễn ', 'văn  a')).toBe(vietnameseSortKey('Đặng', 'Nguyễn', 'Văn A'));
    expect(vietnameseSortKey('Ánh'.normalize('NFD'), 'Lê')).toBe(vietnameseSortKey('Ánh'.normalize('NFC'), 'Lê'));
  });
});

describe('foldVietnamese', () => {
  it('drops diacritics and case, and turns đ into d', () => {
    expect(foldVietnamese('Nguyễn Văn A')).toBe('nguyen van a');
    expect(foldVietnamese('ĐẶNG  Thị   Ưng')).toBe('dang thi ung');
  });
});
