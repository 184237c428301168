// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import '../../../i18n';
import { makeSession } from './fixtures';
import { StaffScanModal } from './StaffScanModal';
import { json, mockApi, renderWithProviders } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function typeCode(value: string) {
  const input = within(screen.getByTestId('scan-code')).getByRole('searchbox');
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  // antd ignores a second Enter until the key is released
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

describe('StaffScanModal', () => {
  it('checks a typed code into the chosen session and lists the trainee with the mark, or the refusal', async () => {
    const sent = mockApi({
      'POST /training/sessions/11/checkin': (req) =>
        (req.body as { code: string }).code === 'AbCdEf123456'
          ? json({ sessionId: 11, className: 'Lớp A', personName: 'Nguyễn Văn An', mark: 'late', changed: true })
          : json({ code: 'not_found', message: 'Mã điểm danh không thuộc học viên nào của lớp' }, 404),
    });
    renderWithProviders(<StaffScanModal sessions={[makeSession(11, '2025-03-10', 'morning')]} onClose={() => {}} />);

    typeCode('canbo:checkin:AbCdEf123456');
    expect(await screen.findByText('Nguyễn Văn An')).toBeTruthy();
    expect(within(screen.getByTestId('scan-results')).getByText('Đi muộn')).toBeTruthy();
    typeCode('ZZZZZZZZZZZZ');
    expect(await screen.findByText('Mã điểm danh không thuộc học viên nào của lớp')).toBeTruthy();
    expect(sent.map((r) => r.body)).toEqual([{ code: 'AbCdEf123456' }, { code: 'ZZZZZZZZZZZZ' }]);
  }, 60_000);
});
