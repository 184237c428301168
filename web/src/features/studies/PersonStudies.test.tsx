// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Study } from '@canbo/contract';
import '../../i18n';
import { pick, typeDate } from '../training/testing/controls';
import { mockApi, page, renderWithApp, reply, type Sent } from '../training/testing/mockApi';
import { PersonStudies } from './PersonStudies';
import { aStudy } from './testing';

// A study's kind links to its page; outside a router a link is a plain anchor.
vi.mock('@tanstack/react-router', () => ({
  Link: ({ children }: { children: ReactNode }) => <a>{children}</a>,
}));

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

/** The person's studies with a memory: a step or a new study shows in the next list. */
function server() {
  const studies: Study[] = [aStudy()];
  return mockApi(
    (req) => (req.method === 'GET' && req.path === '/people/9/studies' ? reply(page([...studies])) : undefined),
    (req) => {
      if (req.method !== 'POST' || req.path !== '/studies/1/transition') return undefined;
      const b = req.body as { endDate: string; diplomaNumber: string; diplomaGrade: Study['diplomaGrade'] };
      studies[0] = { ...studies[0]!, studyStatus: 'graduated', ...b, version: 3 };
      return reply(studies[0]);
    },
    (req) => {
      if (req.method !== 'POST' || req.path !== '/studies') return undefined;
      const created = aStudy({ ...(req.body as Partial<Study>), id: 2, version: 1 });
      studies.unshift(created);
      return reply(created, 201);
    },
  );
}

const sentTo = (sent: Sent[], method: string, path: string) =>
  sent.filter((r) => r.method === method && r.path === path).map((r) => r.body);

describe("a cadre's long-term study tab", () => {
  it('graduates a study after confirming, with the diploma, sending the version it was read at', async () => {
    const sent = server();
    renderWithApp(<PersonStudies personId={9} canEdit />);
    await screen.findByText('Trung cấp lý luận chính trị');
    expect(screen.getByText('Đang học')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Thao tác' }));
    fireEvent.click(await screen.findByText('Tốt nghiệp'));
    const title = await screen.findByText('Xác nhận Y Ngông Niê Kdăm đã tốt nghiệp');
    const dialog = title.closest<HTMLElement>('[role=dialog]')!;
    fireEvent.change(within(dialog).getByLabelText('Số văn bằng'), { target: { value: 'TC-0123' } });
    await pick('studyStep_diplomaGrade', 'Khá');
    typeDate(within(dialog).getByLabelText('Ngày kết thúc'), '15/08/2020');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tốt nghiệp' }));

    await waitFor(() =>
      expect(sentTo(sent, 'POST', '/studies/1/transition')).toEqual([
        { action: 'graduate', version: 2, endDate: '2020-08-15', diplomaNumber: 'TC-0123', diplomaGrade: 'good' },
      ]),
    );
    await screen.findByText('Đã tốt nghiệp');
    expect(screen.getByText('15/08/2020')).toBeTruthy();
  }, 120_000);

  it('sends the cadre to study with the person fixed', async () => {
    const sent = server();
    renderWithApp(<PersonStudies personId={9} canEdit />);
    await screen.findByText('Trung cấp lý luận chính trị');
    fireEvent.click(screen.getByRole('button', { name: /Cử đi học/ }));
    await pick('studyAdd_studyKind', 'Thạc sĩ');
    fireEvent.change(document.getElementById('studyAdd_institution')!, {
      target: { value: 'Học viện Thanh thiếu niên' },
    });
    typeDate(document.getElementById('studyAdd_startDate')!, '01/09/2021');
    typeDate(document.getElementById('studyAdd_expectedEndDate')!, '31/08/2023');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(sentTo(sent, 'POST', '/studies')).toHaveLength(1));
    expect(sentTo(sent, 'POST', '/studies')[0]).toEqual({
      personId: 9,
      studyKind: 'master',
      decision: null,
      decisionDate: null,
      institution: 'Học viện Thanh thiếu niên',
      major: null,
      studyMode: 'full_time',
      startDate: '2021-09-01',
      expectedEndDate: '2023-08-31',
      funding: 'state',
      notes: null,
    });
    // the list is asked again and shows the new study above the first
    await waitFor(() => expect(document.querySelectorAll('.ant-table-tbody tr.ant-table-row')).toHaveLength(2));
    const first = document.querySelector<HTMLElement>('.ant-table-tbody tr.ant-table-row')!;
    expect(within(first).getByText('Thạc sĩ')).toBeTruthy();
  }, 120_000);

  it('offers no steps on a row the user may only read', async () => {
    mockApi((req) => (req.path === '/people/9/studies' ? reply(page([aStudy({ canEdit: false })])) : undefined));
    renderWithApp(<PersonStudies personId={9} canEdit={false} />);
    await screen.findByText('Trung cấp lý luận chính trị');
    expect(screen.queryByRole('button', { name: 'Thao tác' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Cử đi học/ })).toBeNull();
  }, 120_000);
});
