// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Enrolment } from '@canbo/contract';
import '../../../i18n';
import { json, mockApi, renderWithProviders, type Sent } from '../attendance/testing';
import { OverrideModal } from './OverrideModal';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const enrolment = (over: Partial<Enrolment> = {}): Enrolment => ({
  id: 21,
  classId: 7,
  personId: 101,
  personName: 'Nguyễn Văn An',
  birthDate: null,
  gender: 'male',
  unitId: 9,
  unitName: 'Đoàn xã Ea Pô',
  title: 'secretary',
  allocationId: null,
  status: 'confirmed',
  waitlistPosition: null,
  attendedSessions: 1,
  attendancePercent: 50,
  score: 7,
  grade: 'fair',
  outcome: 'not_completed',
  outcomeOverridden: false,
  overrideReason: null,
  certificateId: null,
  certificateNumber: null,
  version: 4,
  ...over,
});

const posts = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/enrolments/21/override');

describe('OverrideModal', () => {
  it('refuses an override without a reason and sends none; with a reason it sends outcome, reason and version', async () => {
    const onClose = vi.fn();
    const sent = mockApi({ 'POST /training/enrolments/21/override': () => json(enrolment()) });
    renderWithProviders(<OverrideModal enrolment={enrolment()} onClose={onClose} />);

    // the rule said "not completed": the modal proposes the other outcome
    await screen.findByText('Điều chỉnh kết quả: Nguyễn Văn An');
    expect(screen.getByLabelText<HTMLInputElement>('Hoàn thành').checked).toBe(true);
    fireEvent.change(document.getElementById('override_reason')!, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Nhập lý do')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    expect(posts(sent)).toHaveLength(0);

    fireEvent.change(document.getElementById('override_reason')!, {
      target: { value: 'Ốm có giấy của bệnh viện, đã học bù' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.body).toEqual({
      version: 4,
      outcome: 'completed',
      reason: 'Ốm có giấy của bệnh viện, đã học bù',
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  }, 60_000);

  it('hands an overridden outcome back to the rule with a null outcome', async () => {
    const sent = mockApi({ 'POST /training/enrolments/21/override': () => json(enrolment()) });
    renderWithProviders(
      <OverrideModal
        enrolment={enrolment({ outcome: 'completed', outcomeOverridden: true, overrideReason: 'Học bù' })}
        onClose={() => {}}
      />,
    );
    fireEvent.click(await screen.findByTestId('override-clear'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.body).toEqual({ version: 4, outcome: null, reason: null });
  }, 60_000);

  it('puts the reason the server refuses on the reason field', async () => {
    mockApi({
      'POST /training/enrolments/21/override': () =>
        json({ code: 'validation', message: 'Lý do: quá dài', details: { field: 'reason' } }, 400),
    });
    renderWithProviders(<OverrideModal enrolment={enrolment()} onClose={() => {}} />);
    await screen.findByText('Điều chỉnh kết quả: Nguyễn Văn An');
    fireEvent.change(document.getElementById('override_reason')!, { target: { value: 'Lý do hợp lệ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Lý do: quá dài')).toBeTruthy();
  }, 60_000);
});
