// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import i18n from './index';

describe('a word without a translation', () => {
  it('is reported on the console, where the browser tour fails on it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(i18n.t('common:no.such.word')).toBe('no.such.word');
      expect(error).toHaveBeenCalledWith('i18n: missing translation common:no.such.word');
    } finally {
      error.mockRestore();
    }
  });

  it('is not reported when the call gives its own default (the caller expects some keys to be absent)', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(i18n.t('common:no.such.word', { defaultValue: 'x' })).toBe('x');
      expect(i18n.t('common:appName')).not.toBe('appName');
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });
});
