// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { LANGUAGE_KEY } from '../i18n/init';
import { LanguageSwitch } from './LanguageSwitch';

afterEach(async () => {
  cleanup();
  localStorage.clear();
  await i18n.changeLanguage('vi');
});

describe('the language switch', () => {
  it('shows the language in use as pressed, switches on a click and keeps the choice', async () => {
    await i18n.changeLanguage('vi');
    render(<LanguageSwitch />);
    const vi = screen.getByRole('button', { name: 'VI', description: 'Tiếng Việt' });
    const en = screen.getByRole('button', { name: 'EN', description: 'English' });
    expect(vi.getAttribute('aria-pressed')).toBe('true');
    expect(en.getAttribute('aria-pressed')).toBe('false');
    expect([vi.textContent, en.textContent]).toEqual(['VI', 'EN']);

    await act(async () => {
      fireEvent.click(en);
      await Promise.resolve();
    });
    expect(i18n.language).toBe('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: 'EN', description: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'VI', description: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });
});
