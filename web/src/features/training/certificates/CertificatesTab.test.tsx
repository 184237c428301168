// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Certificate } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../attendance/fixtures';
import { json, mockApi, renderWithProviders, type Sent } from '../attendance/testing';
import { typeDate } from '../testing/controls';
import { CertificatesTab } from './CertificatesTab';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const cert: Certificate = {
  id: 31,
  enrolmentId: 21,
  classId: 7,
  personName: 'Nguyễn Văn An',
  number: '007/GCN-2025',
  issuingUnitId: 5,
  issuingUnitName: 'Huyện đoàn Cư Jút',
  issuedAt: '2025-03-12T09:00:00Z',
  issuedOn: '2025-03-12',
  printed: false,
  status: 'valid',
  revokedAt: null,
  revokeReason: null,
  verifyCode: 'Xk3v9QwErTyU12',
  version: 1,
};
const trainee = (id: number, outcome: string | null, certificateId: number | null) => ({ id, outcome, certificateId });

function server(issue: (req: Sent) => Response = () => json({ issued: [cert, cert] }, 201)) {
  return mockApi({
    'GET /training/certificate-patterns/5': () =>
      json({ unitId: 5, pattern: '{seq:3}/GCN-{year}', version: 0, unitCode: 'CJ', nextSeq: 8 }),
    'GET /training/classes/7/certificates': () => json({ items: [cert], total: 1, page: 1, pageSize: 50 }),
    'GET /training/classes/7/enrolments': () =>
      json({
        items: [
          trainee(21, 'completed', 31),
          trainee(22, 'completed', null),
          trainee(23, 'not_completed', null),
          trainee(24, 'completed', null),
        ],
        total: 4,
        page: 1,
        pageSize: 200,
      }),
    'POST /training/classes/7/certificates': issue,
  });
}

describe('CertificatesTab', () => {
  it('asks before issuing, counting the completed trainees without a certificate, then issues them all', async () => {
    const sent = server();
    renderWithProviders(<CertificatesTab cls={makeClass({ status: 'completed' })} />);
    await screen.findByText('007/GCN-2025');
    expect(screen.getByTestId('cert-verify-31').getAttribute('href')).toBe('/verify/Xk3v9QwErTyU12');

    fireEvent.click(screen.getByTestId('cert-issue'));
    const dialog = (await screen.findByText(/cho 2 học viên đã hoàn thành/)).closest(
      '.ant-modal-container, .ant-modal-content',
    )!;
    expect(within(dialog as HTMLElement).getByPlaceholderText('Hôm nay')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(dialog as HTMLElement).getByRole('button', { name: 'Cấp giấy chứng nhận' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({});
    expect(await screen.findByText('Đã cấp 2 giấy chứng nhận')).toBeTruthy();
  }, 60_000);

  it("shows the unit's next number live as a manager edits the pattern, and refuses a pattern without {stt}", async () => {
    server();
    renderWithProviders(<CertificatesTab cls={makeClass()} />);
    const year = new Date().getFullYear();
    await waitFor(() => expect(screen.getByTestId('cert-pattern-example').textContent).toBe(`008/GCN-${year}`));

    const input = screen.getByTestId('cert-pattern');
    fireEvent.change(input, { target: { value: '{stt:4}/GCN-{donvi}' } });
    expect(screen.getByTestId('cert-pattern-example').textContent).toBe('0008/GCN-CJ');
    fireEvent.change(input, { target: { value: 'GCN-{nam}' } });
    expect(screen.getByTestId('cert-pattern-problem').textContent).toContain('phải có đúng một mã số thứ tự {stt}');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Lưu' }).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '{stt}/{ngay}' } });
    expect(screen.getByTestId('cert-pattern-problem').textContent).toContain('mã {ngay} không dùng được');
  }, 60_000);

  it('explains the pattern’s tokens in Vietnamese words', async () => {
    server();
    renderWithProviders(<CertificatesTab cls={makeClass()} />);
    const tokens = await screen.findByTestId('cert-pattern-tokens');
    expect(tokens.textContent).toContain('{stt}');
    expect(tokens.textContent).toContain('{nam} năm cấp');
    expect(tokens.textContent).toContain('{donvi} mã đơn vị cấp');
    expect(tokens.textContent).not.toMatch(/\{(seq|year|unit)/);
  }, 60_000);

  it('issues late with the date typed, dd/mm/yyyy, and shows the server’s refusal on that date', async () => {
    const refusal = 'Ngày cấp: không được trước ngày lớp kết thúc (15/05/2019)';
    const sent = server((req) =>
      (req.body as { issuedAt?: string }).issuedAt === '2019-05-01'
        ? json({ code: 'validation', message: refusal, details: { field: 'issuedAt' } }, 400)
        : json({ issued: [cert] }, 201),
    );
    renderWithProviders(<CertificatesTab cls={makeClass({ status: 'completed' })} />);
    await screen.findByText('007/GCN-2025');
    fireEvent.click(screen.getByTestId('cert-issue'));
    const dialog = (await screen.findByText(/cho 2 học viên đã hoàn thành/)).closest<HTMLElement>(
      '.ant-modal-container, .ant-modal-content',
    )!;
    const ok = within(dialog).getByRole('button', { name: 'Cấp giấy chứng nhận' });
    typeDate('issue_issuedAt', '01/05/2019');
    fireEvent.click(ok);
    const field = document.getElementById('issue_issuedAt')!.closest<HTMLElement>('.ant-form-item')!;
    await waitFor(() => expect(field.textContent).toContain(refusal));

    typeDate('issue_issuedAt', '03/06/2019');
    fireEvent.click(ok);
    expect(await screen.findByText('Đã cấp 1 giấy chứng nhận')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { issuedAt: '2019-05-01' },
      { issuedAt: '2019-06-03' },
    ]);
  }, 60_000);
});
