// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../../i18n';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../testing/mockApi';
import { makeClass } from '../testing/classes';
import { pick, type, typeDate } from '../testing/controls';
import { RecordClassDrawer } from './RecordClassDrawer';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const kinds = { items: [{ code: 'title', name: 'Bồi dưỡng chức danh', sortOrder: 1, active: true, version: 1 }] };
const person = (id: number, fullName: string, unitName: string) => ({
  id,
  fullName,
  birthDate: null,
  unitName,
  unitId: 5,
});

function world(...more: ((req: Sent) => { status?: number; body: unknown } | undefined)[]) {
  return mockApi(
    get('/training/kinds', kinds),
    get('/units/5', unitDetail(5, 'Huyện đoàn Cư Jút')),
    get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút'), unitDetail(3, 'Tỉnh đoàn Đắk Nông')])),
    get(
      '/people',
      page([person(11, 'Nguyễn Văn An', 'Huyện đoàn Cư Jút'), person(12, 'Nguyễn Văn An', 'Huyện đoàn Đắk Mil')]),
    ),
    ...more,
  );
}

/**
 * `pick` in the dropdown opened last: every row's person picker lists the same people, and the
 * dropdowns opened before stay in the document (each new one is appended after them).
 */
async function pickOpen(id: string, text: string) {
  fireEvent.mouseDown(document.getElementById(id)!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')]
      .filter((o) => o.getAttribute('title') === text)
      .at(-1);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

const posts = (sent: Sent[]) => sent.filter((r) => r.method === 'POST' && r.path === '/training/classes/recorded');

async function fillClass() {
  await screen.findByText('Huyện đoàn Cư Jút');
  type('recorded_name', 'Bồi dưỡng Bí thư chi đoàn 2019');
  fireEvent.mouseDown(document.getElementById('recorded_kindCode')!);
  fireEvent.click(await screen.findByText('Bồi dưỡng chức danh', { selector: '.ant-select-item-option-content' }));
  typeDate('recorded_startDate', '13/05/2019');
  typeDate('recorded_endDate', '15/05/2019');
}

describe('RecordClassDrawer', () => {
  it('sends the class with its roster, outcomes and printed certificates, and hands the class over', async () => {
    const created = makeClass({ id: 91, status: 'completed' });
    const sent = world((req) =>
      req.method === 'POST' && req.path === '/training/classes/recorded' ? reply(created, 201) : undefined,
    );
    const onRecorded = vi.fn();
    renderWithApp(<RecordClassDrawer open organiserUnitId={5} onClose={() => {}} onRecorded={onRecorded} />);
    await fillClass();
    await pick('recorded_roster_0_personId', 'Nguyễn Văn An – Huyện đoàn Cư Jút');
    type('recorded_roster_0_attendancePercent', '90');
    type('recorded_roster_0_certificate_number', '015/GCN-TĐ');
    typeDate('recorded_roster_0_certificate_issuedOn', '20/05/2019');
    // Signed by the province, not the organiser; the second trainee's paper keeps the default.
    await pickOpen('recorded_roster_0_certificate_issuingUnitId', 'Tỉnh đoàn Đắk Nông');
    fireEvent.click(screen.getByTestId('recorded-add'));
    await pickOpen('recorded_roster_1_personId', 'Nguyễn Văn An – Huyện đoàn Đắk Mil');
    await pickOpen('recorded_roster_1_outcome', 'Không hoàn thành');
    type('recorded_roster_1_certificate_number', '016/GCN-TĐ');
    fireEvent.click(screen.getByTestId('recorded-submit'));

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(created));
    expect(posts(sent)[0]!.body).toEqual({
      name: 'Bồi dưỡng Bí thư chi đoàn 2019',
      organiserUnitId: 5,
      kindCode: 'title',
      startDate: '2019-05-13',
      endDate: '2019-05-15',
      place: null,
      decision: null,
      roster: [
        {
          personId: 11,
          outcome: 'completed',
          grade: null,
          attendancePercent: 90,
          certificate: { number: '015/GCN-TĐ', issuedOn: '2019-05-20', issuingUnitId: 3 },
        },
        {
          personId: 12,
          outcome: 'not_completed',
          grade: null,
          attendancePercent: null,
          certificate: { number: '016/GCN-TĐ', issuedOn: '2019-05-15' },
        },
      ],
    });
  }, 60_000);

  it('puts a refusal on the row and cell it names', async () => {
    const message =
      'Dòng 1 – Nguyễn Văn An (mã 11): Số giấy chứng nhận: đơn vị cấp đã có giấy chứng nhận số 015/GCN-TĐ';
    world((req) =>
      req.method === 'POST' && req.path === '/training/classes/recorded'
        ? reply(
            {
              code: 'conflict',
              message,
              details: { field: 'roster.0.certificate.number', rosterIndex: 0, personId: 11 },
            },
            409,
          )
        : undefined,
    );
    const onRecorded = vi.fn();
    renderWithApp(<RecordClassDrawer open organiserUnitId={5} onClose={() => {}} onRecorded={onRecorded} />);
    await fillClass();
    await pick('recorded_roster_0_personId', 'Nguyễn Văn An – Huyện đoàn Cư Jút');
    type('recorded_roster_0_certificate_number', '015/GCN-TĐ');
    fireEvent.click(screen.getByTestId('recorded-submit'));

    const cell = document.getElementById('recorded_roster_0_certificate_number')!.closest('.ant-form-item')!;
    await waitFor(() => expect(cell.textContent).toContain(message));
    expect(onRecorded).not.toHaveBeenCalled();
  }, 60_000);

  it('shows each trainee as labelled fields of their own, the signing unit defaulting to the organiser', async () => {
    world();
    renderWithApp(<RecordClassDrawer open organiserUnitId={5} onClose={() => {}} onRecorded={() => {}} />);
    await screen.findByText('Huyện đoàn Cư Jút');
    fireEvent.click(screen.getByTestId('recorded-add'));
    const trainees = screen.getAllByTestId('recorded-trainee');
    expect(trainees.map((b) => within(b).getByText(/^Học viên thứ/).textContent)).toEqual([
      'Học viên thứ 1',
      'Học viên thứ 2',
    ]);
    for (const block of trainees) {
      // Labelled fields wrap to the width there is (no table cut to fixed column widths).
      for (const label of ['Học viên', 'Kết quả', 'Số giấy chứng nhận', 'Đơn vị cấp (ký)']) {
        expect(within(block).getByText(label, { selector: 'label' })).toBeTruthy();
      }
      expect(within(block).getByText('Đơn vị tổ chức lớp')).toBeTruthy();
    }
    expect(document.querySelector('.ant-table')).toBeNull();
  }, 60_000);
});
