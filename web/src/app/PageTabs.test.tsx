// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../i18n';
import { PageTabs } from './PageTabs';

/**
 * A screen whose width can change while the page is open, as antd's breakpoints see it: a query
 * "(max-width: …)" holds on a phone, "(min-width: …)" on a desk; each change is told to the listeners.
 */
function screenOf(width: 'phone' | 'desk') {
  const listeners = new Set<{ query: string; fn: (e: { matches: boolean }) => void }>();
  let now = width;
  const matches = (query: string) => (now === 'phone') === query.includes('max-width');
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return matches(query);
    },
    media: query,
    onchange: null,
    addListener: (fn: (e: { matches: boolean }) => void) => listeners.add({ query, fn }),
    removeListener: () => {},
    addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.add({ query, fn }),
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }));
  return (to: 'phone' | 'desk') =>
    act(() => {
      now = to;
      for (const l of listeners) l.fn({ matches: matches(l.query) });
    });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const items = [
  { key: 'first', label: 'Thông tin chung', children: <p>nội dung thứ nhất</p> },
  { key: 'second', label: 'Học viên', children: <p>nội dung thứ hai</p> },
];

/** The section on screen: the one tab panel not hidden. */
const shown = () => screen.getByRole('tabpanel').textContent;

describe('a page’s tabs', () => {
  it('keep the section the user chose when the screen crosses the phone’s width and back', () => {
    const turn = screenOf('desk');
    render(<PageTabs items={items} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Học viên' }));
    expect(shown()).toBe('nội dung thứ hai');

    turn('phone');
    expect(screen.queryByRole('tab', { name: 'Học viên' })).toBeNull();
    expect(shown()).toBe('nội dung thứ hai');

    turn('desk');
    expect(screen.getByRole('tab', { name: 'Học viên' }).getAttribute('aria-selected')).toBe('true');
    expect(shown()).toBe('nội dung thứ hai');
  });

  it('name each section in the phone’s list by its words, for a screen reader too, when the labels are elements', () => {
    screenOf('phone');
    const labelled = items.map((i) => ({ ...i, label: <span data-testid={`tab-${i.key}`}>{i.label}</span> }));
    render(<PageTabs items={labelled} />);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Mục đang xem' }));
    const names = screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'));
    expect(names).toEqual(['Thông tin chung', 'Học viên']);
  });
});
