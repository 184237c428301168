import { describe, expect, it } from 'vitest';
import { backTo } from './backTo';

const origin = 'https://canbo.example.vn';

describe('the address the login page goes back to', () => {
  it('keeps a path of the app with its query', () => {
    expect(backTo('/training/classes/6?tab=attendance', origin)).toBe('/training/classes/6?tab=attendance');
    expect(backTo('/people?q=nguy%E1%BB%85n', origin)).toBe('/people?q=nguy%E1%BB%85n');
  });

  it('never leads to another site, however the slashes are written', () => {
    for (const evil of [
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
    ]) {
      expect(backTo(evil, origin), JSON.stringify(evil)).toBe('/');
    }
    expect(backTo(undefined, origin)).toBe('/');
  });

  it('does not go back to the login page itself', () => {
    expect(backTo('/login?redirect=/people', origin)).toBe('/');
  });
});
