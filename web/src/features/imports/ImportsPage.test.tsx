// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ImportProgress, ImportResult } from '@canbo/contract';
import '../../i18n';
import { ApiError } from '../../api/client';
import { renderWithApp } from '../training/testing/mockApi';
import { pick } from '../training/testing/controls';
import { ImportsPage } from './ImportsPage';
import { downloadTemplate, importProgress, sendSheet } from './api';

vi.mock('@tanstack/react-router', () => ({
  Link: ({ children, to }: { children: ReactNode; to: string }) => <a href={to}>{children}</a>,
}));

// The upload goes through XMLHttpRequest (for its upload progress): the page's API calls are stood in for.
vi.mock('./api', () => ({
  sendSheet: vi.fn(),
  importProgress: vi.fn(),
  progressToken: () => 'token-for-the-test-0001',
  downloadErrors: vi.fn(),
  downloadTemplate: vi.fn(),
}));

const send = vi.mocked(sendSheet);
const progress = vi.mocked(importProgress);

function aResult(over: Partial<ImportResult> = {}): ImportResult {
  return {
    kind: 'people',
    rows: 3,
    counts: { create: 3, update: 0, skip: 0 },
    errors: 0,
    warnings: 0,
    issues: [],
    committed: false,
    ...over,
  };
}

/** Picks a sheet in the drop zone, as a user does. */
function choose() {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File(['x'], 'can-bo.xlsx', { type: 'application/vnd.ms-excel' });
  fireEvent.change(input, { target: { files: [file] } });
}

beforeEach(() => {
  send.mockReset();
  progress.mockReset();
});

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('the import page', () => {
  it('offers the past classes with their roster, and their template', async () => {
    renderWithApp(<ImportsPage />);
    await pick('import-kind', 'Lớp đã học (theo danh sách học viên)');
    fireEvent.click(screen.getByRole('button', { name: /Tải mẫu/ }));
    expect(vi.mocked(downloadTemplate)).toHaveBeenCalledWith('trainees');
  });

  it('lists the errors of a previewed sheet, with no way to commit it', async () => {
    send.mockResolvedValue(
      aResult({
        counts: { create: 1, update: 0, skip: 0 },
        errors: 2,
        warnings: 1,
        issues: [
          {
            row: 4,
            column: 'Đơn vị',
            message: 'không có đơn vị mã hoặc tên "XYZ" trong Canbo',
            severity: 'error',
            ids: [],
          },
          { row: 5, column: 'Ngày sinh', message: 'ngày "30/02/2000" không có trên lịch', severity: 'error', ids: [] },
          { row: 3, column: null, message: 'có thể đã có hồ sơ', severity: 'warning', ids: [7] },
        ],
      }),
    );
    renderWithApp(<ImportsPage />);
    choose();
    const preview = await screen.findByTestId('import-preview');
    expect(send).toHaveBeenCalledWith(
      'people',
      expect.any(File),
      false,
      expect.any(Function),
      expect.objectContaining({ progress: 'token-for-the-test-0001' }),
    );
    expect(within(preview).getByText('không có đơn vị mã hoặc tên "XYZ" trong Canbo')).toBeTruthy();
    expect(within(preview).getByText('ngày "30/02/2000" không có trên lịch')).toBeTruthy();
    expect(within(preview).getByText('Có 2 lỗi: sửa tệp rồi tải lên lại. Chưa có gì được ghi.')).toBeTruthy();
    expect(within(preview).getByTestId('import-errors')).toBeTruthy();
    expect(within(preview).getByTestId<HTMLButtonElement>('import-commit').disabled).toBe(true);
  });

  it('offers every kind of record, attendance among them: its template and its upload', async () => {
    send.mockResolvedValue(aResult({ kind: 'attendance' }));
    renderWithApp(<ImportsPage />);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Loại dữ liệu' }));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
        (o) => o.getAttribute('title') === 'Điểm danh',
      );
      if (!found) throw new Error('no option Điểm danh');
      return found;
    });
    fireEvent.click(option);
    fireEvent.click(screen.getByRole('button', { name: /Tải mẫu/ }));
    expect(vi.mocked(downloadTemplate)).toHaveBeenCalledWith('attendance');
    choose();
    await screen.findByTestId('import-preview');
    expect(send.mock.calls[0]?.[0]).toBe('attendance');
  });

  it('commits a clean sheet after the confirmation, and says what it wrote', async () => {
    send.mockResolvedValueOnce(aResult());
    renderWithApp(<ImportsPage />);
    choose();
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('Không có lỗi: có thể nhập.')).toBeTruthy();
    const commit = within(preview).getByTestId<HTMLButtonElement>('import-commit');
    expect(commit.disabled).toBe(false);
    send.mockResolvedValueOnce(aResult({ committed: true }));
    fireEvent.click(commit);
    const [title] = await screen.findAllByText('Nhập dữ liệu vào Canbo?');
    const dialog = title!.closest<HTMLElement>('.ant-modal')!;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Nhập dữ liệu' }));
    await screen.findByText('Đã nhập: tạo mới 3, cập nhật 0, không đổi 0.');
    expect(send.mock.calls.map((c) => c[2])).toEqual([false, true]);
  });

  it('shows the rows checked of the total while the server works, and cancels: nothing shown as done', async () => {
    let signal: AbortSignal | undefined;
    send.mockImplementation((_kind, _file, _commit, onProgress, follow) => {
      signal = follow.signal;
      onProgress(1);
      return new Promise((_resolve, reject) => {
        follow.signal.addEventListener('abort', () => reject(new ApiError(0, 'cancelled', 'Đã hủy')));
      });
    });
    const at: ImportProgress = { phase: 'checking', done: 12_345, total: 100_000 };
    progress.mockImplementation(async () => at);
    renderWithApp(<ImportsPage />);
    choose();
    await screen.findByText('Đã kiểm tra 12.345 / 100.000 dòng');
    expect(progress).toHaveBeenCalledWith('token-for-the-test-0001');
    Object.assign(at, { phase: 'reading', done: 40_000, total: 0 });
    await screen.findByText('Đang đọc tệp: đã đọc 40.000 dòng');

    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(signal?.aborted).toBe(true);
    await screen.findByText('Đã hủy: chưa có gì được ghi.');
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(document.querySelector('.ant-alert')).toBeNull();
  });

  /** Previews a clean sheet, commits it and presses "Hủy" while the server writes; `after` answers the polls then. */
  async function cancelCommit(after: ImportProgress) {
    send.mockResolvedValueOnce(aResult());
    let cancelled = false;
    send.mockImplementationOnce((_kind, _file, _commit, onProgress, follow) => {
      onProgress(1);
      return new Promise((_resolve, reject) => {
        follow.signal.addEventListener('abort', () => {
          cancelled = true;
          reject(new ApiError(0, 'cancelled', 'Đã hủy'));
        });
      });
    });
    progress.mockImplementation(async () => (cancelled ? after : { phase: 'writing', done: 3, total: 3 }));
    renderWithApp(<ImportsPage />);
    choose();
    const preview = await screen.findByTestId('import-preview');
    fireEvent.click(within(preview).getByTestId('import-commit'));
    const [title] = await screen.findAllByText('Nhập dữ liệu vào Canbo?');
    fireEvent.click(within(title!.closest<HTMLElement>('.ant-modal')!).getByRole('button', { name: 'Nhập dữ liệu' }));
    await screen.findByText('Đã ghi 3 / 3 dòng');
    fireEvent.click(screen.getByTestId('import-cancel'));
  }

  it('a cancel that reaches the server after the commit ended shows what was saved, not "nothing saved"', async () => {
    await cancelCommit({ phase: 'saved', done: 3, total: 3, counts: { create: 3, update: 0, skip: 0 } });
    await screen.findByText('Đã nhập: tạo mới 3, cập nhật 0, không đổi 0.');
    expect(screen.getByText('Lệnh hủy đến khi dữ liệu đã được ghi xong, nên các dòng trên đã được lưu.')).toBeTruthy();
    expect(screen.queryByText('Đã hủy: chưa có gì được ghi.')).toBeNull();
    // the imported cadres are found on the cadre list
    expect(screen.getByRole('link', { name: 'Mở danh sách cán bộ' }).getAttribute('href')).toBe('/people');
  });

  it('a commit the server rolled back on the cancel says nothing was saved, the preview kept', async () => {
    await cancelCommit({ phase: 'cancelled', done: 3, total: 3 });
    await screen.findByText('Đã hủy: chưa có gì được ghi.');
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
    expect(screen.getByTestId('import-preview')).toBeTruthy();
    expect(screen.queryByTestId('import-done')).toBeNull();
  });
});
