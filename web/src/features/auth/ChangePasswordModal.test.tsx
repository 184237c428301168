// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import '../../i18n';
import { formItem, type } from '../training/testing/controls';
import { mockApi, renderWithApp, reply } from '../training/testing/mockApi';
import { ChangePasswordModal } from './ChangePasswordModal';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const CURRENT = 'canbo-demo-2024';
const NEW = 'sông-sêrêpốk-mùa-nước-lên';

describe('changing one’s own password', () => {
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));

  it('refuses two different new passwords without asking the server', async () => {
    const sent = mockApi(() => reply(null, 204));
    renderWithApp(<ChangePasswordModal open onClose={() => {}} />);
    type('changePassword_currentPassword', CURRENT);
    type('changePassword_password', NEW);
    type('changePassword_passwordConfirm', `${NEW}x`);
    submit();
    await waitFor(() => expect(formItem('Nhập lại mật khẩu').textContent).toContain('Hai mật khẩu không khớp'));
    expect(sent.filter((r) => r.path === '/auth/password')).toHaveLength(0);
  }, 60_000);

  it('shows what the server refuses on the field it names, then confirms the change', async () => {
    let answer = reply(
      { code: 'invalid', message: 'Mật khẩu hiện tại: không đúng', details: { field: 'currentPassword' } },
      400,
    );
    const sent = mockApi((req) => (req.method === 'POST' && req.path === '/auth/password' ? answer : undefined));
    const onClose = vi.fn();
    renderWithApp(<ChangePasswordModal open onClose={onClose} />);
    type('changePassword_currentPassword', 'sai-mat-khau-roi');
    type('changePassword_password', NEW);
    type('changePassword_passwordConfirm', NEW);
    submit();
    await waitFor(() => expect(formItem('Mật khẩu hiện tại').textContent).toContain('Mật khẩu hiện tại: không đúng'));
    expect(onClose).not.toHaveBeenCalled();

    answer = reply(null, 204);
    type('changePassword_currentPassword', CURRENT);
    submit();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('Đã đổi mật khẩu')).toBeTruthy();
    expect(sent.filter((r) => r.path === '/auth/password').map((r) => r.body)).toEqual([
      { currentPassword: 'sai-mat-khau-roi', password: NEW },
      { currentPassword: CURRENT, password: NEW },
    ]);
  }, 60_000);
});
