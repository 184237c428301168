// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { User } from '@canbo/contract';
import '../../i18n';
import { formItem, pick, type } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../training/testing/mockApi';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const PASSWORD = 'tháng-ba-hoa-gạo-2025';

const created: User = {
  id: 31,
  login: 'hoa.cujut',
  displayName: 'Nguyễn Thị Hoa',
  personId: null,
  personName: null,
  isSuperadmin: false,
  disabled: false,
  lastLoginAt: null,
  grants: [{ id: 4, unitId: 5, unitName: 'Huyện đoàn Cư Jút', role: 'editor' }],
  version: 1,
};

const bodiesTo = (sent: Sent[], method: string, path: string) =>
  sent.filter((r) => r.method === method && r.path === path).map((r) => r.body);

describe('creating an account', () => {
  const fillIn = async () => {
    type('login', 'hoa.cujut');
    type('displayName', 'Nguyễn Thị Hoa');
    type('password', PASSWORD);
    type('passwordConfirm', PASSWORD);
    await pick('grants_0_unitId', 'Huyện đoàn Cư Jút');
    await pick('grants_0_role', 'Biên tập');
  };

  it('sends the login, the password and a role on a unit, and hands the new account over', async () => {
    const sent = mockApi(get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])), (req) =>
      req.method === 'POST' && req.path === '/users' ? reply(created, 201) : undefined,
    );
    const onCreated = vi.fn();
    renderWithApp(<CreateUserModal open onClose={() => {}} onCreated={onCreated} />);
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(bodiesTo(sent, 'POST', '/users')).toEqual([
      {
        login: 'hoa.cujut',
        displayName: 'Nguyễn Thị Hoa',
        password: PASSWORD,
        personId: null,
        grants: [{ unitId: 5, role: 'editor' }],
      },
    ]);
  }, 120_000);

  it("sends nothing while the passwords differ; the server's refusal lands on the field it names", async () => {
    const sent = mockApi(get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])), (req) =>
      req.method === 'POST' && req.path === '/users'
        ? reply({ code: 'conflict', message: 'Tên đăng nhập đã có người dùng', details: { field: 'login' } }, 409)
        : undefined,
    );
    const onCreated = vi.fn();
    renderWithApp(<CreateUserModal open onClose={() => {}} onCreated={onCreated} />);
    await fillIn();
    type('passwordConfirm', `${PASSWORD}x`);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Hai mật khẩu không khớp')).toBeTruthy();
    expect(bodiesTo(sent, 'POST', '/users')).toHaveLength(0);

    type('passwordConfirm', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bodiesTo(sent, 'POST', '/users')).toHaveLength(1));
    await waitFor(() => expect(formItem('Tên đăng nhập').textContent).toContain('Tên đăng nhập đã có người dùng'));
    expect(onCreated).not.toHaveBeenCalled();
  }, 120_000);
});

describe("resetting an account's password", () => {
  it('refuses a short password on the spot, then sends the new one and closes', async () => {
    const sent = mockApi((req) =>
      req.method === 'POST' && req.path === '/users/31/password' ? { status: 204, body: null } : undefined,
    );
    const onClose = vi.fn();
    renderWithApp(<ResetPasswordModal user={created} open onClose={onClose} />);
    expect(screen.getByText('Đặt lại mật khẩu cho hoa.cujut')).toBeTruthy();

    type('password', 'ngắn');
    type('passwordConfirm', 'ngắn');
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(await screen.findByText(/^Tối thiểu 10 ký tự/, { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(bodiesTo(sent, 'POST', '/users/31/password')).toHaveLength(0);

    type('password', PASSWORD);
    type('passwordConfirm', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại mật khẩu' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodiesTo(sent, 'POST', '/users/31/password')).toEqual([{ password: PASSWORD }]);
  }, 120_000);
});
