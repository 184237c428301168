// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { NominationResult } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../testing/classes';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../testing/mockApi';
import { BulkNominateModal } from './BulkNominateModal';
import type { SeatOption } from './seatChoices';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const cls = makeClass({ status: 'open', canManage: false, organiserUnitName: 'Tỉnh đoàn Đắk Nông' });
const seats: SeatOption[] = [{ value: 7, unitId: 5, label: 'Huyện đoàn Cư Jút (còn 2/10 chỉ tiêu)' }];

const candidates = [
  { personId: 1, personName: 'Nguyễn Văn An', unitName: 'Đoàn xã Ea Pô', title: 'secretary', alreadyEnrolled: false },
  {
    personId: 2,
    personName: 'H’Hen Niê',
    unitName: 'Đoàn xã Nam Dong',
    title: 'deputy_secretary',
    alreadyEnrolled: false,
  },
  {
    personId: 3,
    personName: 'Trần Thị Bình',
    unitName: 'Đoàn xã Tâm Thắng',
    title: 'secretary',
    alreadyEnrolled: true,
  },
] as const;

function result(over: Partial<NominationResult>): NominationResult {
  return {
    added: 2,
    waitlisted: 0,
    skipped: 1,
    remainingSeats: 0,
    candidates: [...candidates],
    applied: false,
    ...over,
  };
}

const bulkPosts = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/classes/42/enrolments/bulk');

function server(preview: NominationResult) {
  return mockApi(
    get('/units/5', unitDetail(5, 'Huyện đoàn Cư Jút')),
    get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])),
    (req) =>
      req.method === 'POST' && req.path === '/training/classes/42/enrolments/bulk'
        ? reply(req.body?.dryRun ? preview : { ...preview, applied: true })
        : undefined,
  );
}

const commit = () => screen.getByTestId('bulk-commit');

describe('BulkNominateModal', () => {
  it('previews who the filter finds, then nominates exactly that filter', async () => {
    const sent = server(result({}));
    const onClose = vi.fn();
    renderWithApp(<BulkNominateModal cls={cls} seats={seats} open onClose={onClose} />);
    await screen.findByText('Huyện đoàn Cư Jút');
    // nothing to send before the user has seen the list
    expect(commit().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Bí thư')).toBeTruthy();
    expect(screen.getByText('Phó Bí thư')).toBeTruthy();
    expect(screen.getByText('Đoàn cơ sở')).toBeTruthy();

    fireEvent.click(screen.getByTestId('bulk-preview'));
    expect(await screen.findByText('Nguyễn Văn An')).toBeTruthy();
    expect(screen.getByText('H’Hen Niê')).toBeTruthy();
    expect(screen.getByText('Đã có trong lớp', { selector: '.ant-tag' })).toBeTruthy();
    expect(bulkPosts(sent)).toHaveLength(1);
    expect(bulkPosts(sent)[0]!.body).toEqual({
      allocationId: 7,
      filter: {
        within: 5,
        titles: ['secretary', 'deputy_secretary'],
        unitKinds: ['commune', 'grassroots', 'standalone_branch'],
      },
      waitlist: false,
      dryRun: true,
    });
    await waitFor(() => expect(commit().hasAttribute('disabled')).toBe(false));
    expect(commit().textContent).toContain('Cử 2 người');

    fireEvent.click(commit());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bulkPosts(sent)).toHaveLength(2);
    expect(bulkPosts(sent)[1]!.body).toEqual({ ...bulkPosts(sent)[0]!.body, dryRun: false });
  }, 60_000);

  it('will not nominate past the free seats: the user must put the extra people on the waitlist', async () => {
    const sent = server(result({ added: 1, skipped: 1, remainingSeats: 0 }));
    renderWithApp(<BulkNominateModal cls={cls} seats={seats} open onClose={() => {}} />);
    await screen.findByText('Huyện đoàn Cư Jút');
    fireEvent.click(screen.getByTestId('bulk-preview'));
    expect(await screen.findByText(/1 người vượt quá chỉ tiêu còn lại/)).toBeTruthy();
    expect(commit().hasAttribute('disabled')).toBe(true);

    // changing the filter throws the preview away: what is sent is always what was seen
    fireEvent.click(screen.getByLabelText('Đưa vào danh sách chờ nếu hết chỉ tiêu'));
    await waitFor(() => expect(screen.queryByText('Nguyễn Văn An')).toBeNull());
    expect(commit().hasAttribute('disabled')).toBe(true);
    expect(bulkPosts(sent)).toHaveLength(1);
    expect(bulkPosts(sent).every((r) => r.body?.dryRun === true)).toBe(true);
  }, 60_000);

  it("shows the server's refusal of the filter on the field it names", async () => {
    mockApi(get('/units/5', unitDetail(5, 'Huyện đoàn Cư Jút')), get('/units', page([])), (req) =>
      req.method === 'POST'
        ? reply(
            {
              code: 'validation',
              message: 'Thuộc đơn vị: Đoàn xã Ea Pô không thuộc Huyện đoàn Cư Jút',
              details: { field: 'filter.within' },
            },
            400,
          )
        : undefined,
    );
    renderWithApp(<BulkNominateModal cls={cls} seats={seats} open onClose={() => {}} />);
    await screen.findByText('Huyện đoàn Cư Jút');
    fireEvent.click(screen.getByTestId('bulk-preview'));
    const msg = await screen.findByText('Thuộc đơn vị: Đoàn xã Ea Pô không thuộc Huyện đoàn Cư Jút');
    expect(msg.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('Thuộc đơn vị');
  }, 60_000);
});
