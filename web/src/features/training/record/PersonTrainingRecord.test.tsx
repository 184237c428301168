// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { TrainingRecordItem } from '@canbo/contract';
import '../../../i18n';
import { json, me, mockApi, renderWithProviders } from '../attendance/testing';
import { PersonTrainingRecord } from './PersonTrainingRecord';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const item = (over: Partial<TrainingRecordItem>): TrainingRecordItem => ({
  enrolmentId: 21,
  classId: 7,
  className: 'Bồi dưỡng bí thư chi đoàn 2025',
  kindName: 'Bồi dưỡng chức danh',
  organiserUnitName: 'Huyện đoàn Cư Jút',
  level: 'district',
  startDate: '2025-03-10',
  endDate: '2025-03-12',
  classStatus: 'in_progress',
  enrolmentStatus: 'confirmed',
  attendancePercent: 50,
  score: null,
  grade: null,
  outcome: null,
  certificate: null,
  ...over,
});

const record = {
  items: [
    item({}),
    item({
      enrolmentId: 20,
      className: 'Nghiệp vụ công tác Đoàn 2024',
      classStatus: 'completed',
      attendancePercent: 100,
      grade: 'good',
      outcome: 'completed',
      certificate: { id: 31, number: '007/GCN-2024', status: 'valid', verifyCode: 'Xk3v9QwErTyU12' },
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('PersonTrainingRecord', () => {
  it('lists classes with results and a link to the certificate, and gives the person their QR code for a current class', async () => {
    mockApi({
      'GET /people/101/training': () => json(record),
      'GET /training/enrolments/21/qr': () => json({ code: 'AbCdEf123456', payload: 'canbo:checkin:AbCdEf123456' }),
    });
    renderWithProviders(<PersonTrainingRecord personId={101} />, { ...me, personId: 101 });
    const link = await screen.findByText('007/GCN-2024');
    expect(link.getAttribute('href')).toBe('/verify/Xk3v9QwErTyU12');
    expect(screen.getByText('Giỏi')).toBeTruthy();
    expect(screen.queryByTestId('my-qr-20')).toBeNull();

    fireEvent.click(screen.getByTestId('my-qr-21'));
    expect(await screen.findByText('AbCdEf123456')).toBeTruthy();
  }, 60_000);

  it("offers no QR code on someone else's record", async () => {
    mockApi({ 'GET /people/101/training': () => json(record) });
    renderWithProviders(<PersonTrainingRecord personId={101} />, { ...me, personId: 55 });
    await screen.findByText('007/GCN-2024');
    expect(screen.queryByTestId('my-qr-21')).toBeNull();
  }, 60_000);
});
