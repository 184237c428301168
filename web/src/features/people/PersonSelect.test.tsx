// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import '../../i18n';
import { page, renderWithApp } from '../training/testing/mockApi';
import { PersonSelect } from './PersonSelect';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const person = (id: number, fullName: string) => ({ id, fullName, birthDate: null, unitName: 'Huyện đoàn Cư Jút' });
const everyone = [person(11, 'Nguyễn Văn An'), person(12, 'Trần Thị Lan'), person(13, 'Lê Minh Tú')];

/** GET /people answers the empty search at once; a typed search waits until `release` is called. */
function server() {
  const asked: string[] = [];
  let release = () => {};
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const q = new URL(url, 'http://localhost').searchParams.get('q') ?? '';
      asked.push(q);
      if (q) await new Promise<void>((r) => (release = r));
      const items = q ? everyone.filter((p) => p.fullName === 'Nguyễn Văn An') : everyone;
      return new Response(JSON.stringify({ ...page(items), more: false }), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { asked, release: () => release() };
}

const offered = () =>
  [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].map((o) => o.getAttribute('title'));

describe('PersonSelect', () => {
  it('keeps the people shown that match the typed name while the search is on its way, and a click on one picks them', async () => {
    const api = server();
    const chosen = vi.fn();
    renderWithApp(<PersonSelect id="pick" onChange={chosen} />);
    fireEvent.mouseDown(document.getElementById('pick')!);
    await waitFor(() => expect(offered()).toHaveLength(3));

    // "an" without its diacritics: An and Lan match it, Tú does not; the list never empties.
    fireEvent.change(document.getElementById('pick')!, { target: { value: 'an' } });
    expect(offered()).toEqual(['Nguyễn Văn An – Huyện đoàn Cư Jút', 'Trần Thị Lan – Huyện đoàn Cư Jút']);
    await waitFor(() => expect(api.asked).toContain('an'));
    expect(offered()).toHaveLength(2);

    fireEvent.click(document.querySelector<HTMLElement>('.ant-select-item-option[title^="Nguyễn Văn An"]')!);
    expect(chosen).toHaveBeenCalledWith(11);
    api.release();
  });
});
