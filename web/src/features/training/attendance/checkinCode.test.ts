import { describe, expect, it } from 'vitest';
import { checkinCodeOf } from './checkinCode';

describe('checkinCodeOf', () => {
  it('reads the code from a scanned personal QR payload or a typed code', () => {
    expect(checkinCodeOf('canbo:checkin:AbCdEf123456')).toBe('AbCdEf123456');
    expect(checkinCodeOf('  AbCdEf123456 ')).toBe('AbCdEf123456');
  });

  it('refuses what cannot be a check-in code', () => {
    expect(checkinCodeOf('short')).toBeNull();
    expect(checkinCodeOf('https://canbo.example/checkin/has spaces here')).toBeNull();
    expect(checkinCodeOf('canbo:checkin:')).toBeNull();
  });
});
