// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import '../../../i18n';
import { setCsrfToken } from '../../../api/client';
import { AttendanceUploadModal } from './AttendanceUploadModal';
import { json, mockApi, renderWithProviders, type Sent } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const sheet = () =>
  new File(['PK fake xlsx'], 'diem-danh.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

function pick(file: File) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

const saveButton = () => screen.getByTestId<HTMLButtonElement>('att-upload-save');
const uploads = (sent: Sent[]) => sent.filter((r) => r.path === '/training/classes/7/attendance/upload');

describe('AttendanceUploadModal', () => {
  it('shows sheet and row errors in the preview and does not let a sheet with errors be saved', async () => {
    // the signed-in shell sets the session's token from /auth/me; every write carries it
    setCsrfToken('csrf-token-1');
    const sent = mockApi({
      'POST /training/classes/7/attendance/upload': () =>
        json({
          rows: [
            { row: 5, personName: 'Nguyễn Văn An', changes: 2, errors: [] },
            { row: 6, personName: 'Không Có Tên', changes: 0, errors: ['Dòng 6: không có học viên này trong lớp'] },
          ],
          sheetErrors: ['Cột "12/03 Sáng" không phải buổi học của lớp'],
          changes: 2,
          applied: false,
        }),
    });
    renderWithProviders(<AttendanceUploadModal classId={7} open onClose={() => {}} />);
    pick(sheet());

    await screen.findByTestId('att-upload-preview');
    expect(screen.getByText('Cột "12/03 Sáng" không phải buổi học của lớp')).toBeTruthy();
    const rowError = screen.getByText('Dòng 6: không có học viên này trong lớp');
    expect(rowError.className).toContain('ant-typography-danger');
    expect(screen.getByText(/Có 1 dòng lỗi/)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(saveButton());
    await new Promise((r) => setTimeout(r, 200));
    const sentUploads = uploads(sent);
    expect(sentUploads).toHaveLength(1);
    expect(sentUploads[0]!.query.get('dryRun')).toBe('true');
    expect(sentUploads[0]!.headers['x-csrf-token']).toBe('csrf-token-1');
    const form = sentUploads[0]!.body as FormData;
    expect((form.get('file') as File).name).toBe('diem-danh.xlsx');
  }, 60_000);

  it('saves a clean sheet with dryRun=false only after the preview', async () => {
    const onClose = vi.fn();
    const sent = mockApi({
      'POST /training/classes/7/attendance/upload': (req) =>
        json({
          rows: [{ row: 5, personName: 'Nguyễn Văn An', changes: 2, errors: [] }],
          sheetErrors: [],
          changes: 2,
          applied: req.query.get('dryRun') === 'false',
        }),
    });
    renderWithProviders(<AttendanceUploadModal classId={7} open onClose={onClose} />);
    pick(sheet());

    await screen.findByText('Bảng hợp lệ: 2 ô điểm danh sẽ thay đổi.');
    expect(uploads(sent).map((r) => r.query.get('dryRun'))).toEqual(['true']);
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    fireEvent.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(uploads(sent).map((r) => r.query.get('dryRun'))).toEqual(['true', 'false']);
  }, 60_000);
});
