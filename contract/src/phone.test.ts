import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneNumber } from './phone.ts';

describe('phone numbers', () => {
  it('are stored as digits with a leading +, whatever the user typed between them', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone(' 0912.345.678 ')).toBe('0912345678');
    expect(normalisePhone('(0261) 3822-123')).toBe('02613822123');
    expect(normalisePhone('+84 912 345 678')).toBe('+84912345678');
    expect(normalisePhone('+84 (0) 912 345 678')).toBe('+84912345678');
    // a number cell in Excel loses its leading zero
    expect(normalisePhone('912345678')).toBe('0912345678');
  });

  it('refuses what cannot be a phone number', () => {
    for (const bad of ['12345', '0912 345', '0912a45678', '09123456789012', '+0912345678', 'không có', '1234567890']) {
      expect(normalisePhone(bad), bad).toBeNull();
    }
  });

  it('are shown grouped, old rows with their spaces too', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('091 23 45 678')).toBe('0912 345 678');
    expect(formatPhone('02633821975')).toBe('0263 382 1975');
    expect(formatPhone('+84912345678')).toBe('+84 912 345 678');
    expect(formatPhone('+33123456789')).toBe('+33123456789');
    expect(formatPhone('gọi văn phòng')).toBe('gọi văn phòng');
  });

  it('the contract field normalises, keeps empty as none, and refuses with a message saying what a number is', () => {
    expect(phoneNumber.parse('0912 345 678')).toBe('0912345678');
    expect(phoneNumber.parse('  ')).toBeNull();
    expect(phoneNumber.parse(undefined)).toBeUndefined();
    const bad = phoneNumber.safeParse('12 34');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('ví dụ 0912 345 678');
  });
});
