// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { TrainingClass } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../testing/classes';
import { mockApi } from '../testing/mockApi';
import { openPageAt } from '../testing/openPageAt';
import { ClassHeader } from './ClassHeader';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function open(cls: TrainingClass) {
  mockApi();
  openPageAt('/class', { path: '/class', component: () => <ClassHeader cls={cls} /> }, ['/training/classes']);
}

/** The seat figures the header shows, label → value. */
async function figures(): Promise<Record<string, string>> {
  const box = await screen.findByTestId('class-seats');
  const out: Record<string, string> = {};
  for (const stat of box.querySelectorAll('.ant-statistic')) {
    const title = stat.querySelector('.ant-statistic-header, .ant-statistic-title')?.textContent ?? '';
    out[title] = stat.querySelector('.ant-statistic-content')?.textContent ?? '';
  }
  return out;
}

describe('the class header', () => {
  it("shows the organiser's readers the whole class's seats", async () => {
    open(makeClass({ canManage: false, readsAll: true, seatsAllocated: 42, seated: 4, waitlisted: 1, capacity: 60 }));
    expect(await figures()).toEqual({
      'Chỉ tiêu đã phân bổ': '42',
      'Đã cử': '4',
      'Danh sách chờ': '1',
      'Số học viên tối đa': '60',
    });
  });

  it("shows a unit editor its own unit's quota and nominations, never the class's totals", async () => {
    // the server counts a unit editor's figures over its own seats: 10 allocated, none nominated yet
    open(makeClass({ canManage: false, readsAll: false, seatsAllocated: 10, seated: 0, waitlisted: 0 }));
    const shown = await figures();
    expect(shown).toMatchObject({ 'Chỉ tiêu của đơn vị': '10', 'Đơn vị đã cử': '0', 'Đơn vị đang chờ': '0' });
    expect(Object.keys(shown)).not.toContain('Chỉ tiêu đã phân bổ');
    expect(Object.keys(shown)).not.toContain('Đã cử');
  });

  it('shows a cadre who is only a trainee no seat figures', async () => {
    open(makeClass({ canManage: false, readsAll: false, seatsAllocated: 0, seated: 0 }));
    await screen.findByText(makeClass().name, { exact: false });
    expect(screen.queryByTestId('class-seats')).toBeNull();
  });

  it('shows a class recorded by its headcount without seats', async () => {
    open(makeClass({ headcount: { total: 243 } }));
    expect(within(await screen.findByRole('heading')).getByText(makeClass().name, { exact: false })).toBeTruthy();
    expect(screen.queryByTestId('class-seats')).toBeNull();
  });
});
