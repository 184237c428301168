// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import '../../../i18n';
import { type } from '../testing/controls';
import { get, mockApi, renderWithApp, reply } from '../testing/mockApi';
import { KindsTable } from './KindsTable';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const kinds = {
  items: [
    { code: 'title', name: 'Bồi dưỡng chức danh', sortOrder: 1, active: true, version: 1 },
    { code: 'union_work', name: 'Tập huấn nghiệp vụ công tác Đoàn', sortOrder: 2, active: true, version: 1 },
    { code: 'skills', name: 'Bồi dưỡng kỹ năng', sortOrder: 3, active: false, version: 1 },
  ],
};

describe('the training kinds of the catalogue', () => {
  it('lists the kinds by their names, never their codes', async () => {
    mockApi(get('/training/kinds', kinds));
    renderWithApp(<KindsTable canEdit />);
    await screen.findByText('Tập huấn nghiệp vụ công tác Đoàn');
    const text = document.body.textContent ?? '';
    for (const code of ['title', 'union_work', 'skills']) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect(screen.queryByText('Mã loại hình')).toBeNull();
  });

  it('adds a kind by its name alone, its code made from the name', async () => {
    const sent = mockApi(get('/training/kinds', kinds), (req) =>
      req.method === 'POST' && req.path === '/training/kinds'
        ? reply({ ...req.body, active: true, version: 1 }, 201)
        : undefined,
    );
    renderWithApp(<KindsTable canEdit />);
    await screen.findByText('Bồi dưỡng kỹ năng');
    fireEvent.click(screen.getByRole('button', { name: /Thêm loại hình/ }));
    type('kind_name', 'Bồi dưỡng năng lực số');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      code: 'boi_duong_nang_luc_so',
      name: 'Bồi dưỡng năng lực số',
      sortOrder: 100,
    });
  }, 60_000);
});
