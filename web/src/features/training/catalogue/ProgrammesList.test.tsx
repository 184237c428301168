// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Programme } from '@canbo/contract';
import '../../../i18n';
import { pick, type } from '../testing/controls';
import { get, mockApi, page, renderWithApp, reply, type Sent } from '../testing/mockApi';
import { ProgrammesList } from './ProgrammesList';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const kinds = {
  items: [
    { code: 'title', name: 'Bồi dưỡng chức danh', sortOrder: 1, active: true, version: 1 },
    { code: 'skills', name: 'Bồi dưỡng kỹ năng', sortOrder: 2, active: true, version: 1 },
  ],
};

const existing: Programme = {
  id: 1,
  name: 'Chương trình bồi dưỡng kỹ năng tuyên truyền',
  kindCode: 'skills',
  kindName: 'Bồi dưỡng kỹ năng',
  targetTitles: [],
  topics: [],
  standardDays: 2,
  standardPeriods: null,
  active: true,
  version: 1,
};

/** The programmes API with a memory: a posted programme is listed afterwards. */
function server() {
  const programmes: Programme[] = [existing];
  return mockApi(
    get('/training/kinds', kinds),
    (req) => (req.method === 'GET' && req.path === '/training/programmes' ? reply(page([...programmes])) : undefined),
    (req) => {
      if (req.method !== 'POST' || req.path !== '/training/programmes') return undefined;
      const body = req.body as Pick<Programme, 'name' | 'kindCode' | 'targetTitles' | 'topics'> &
        Pick<Programme, 'standardDays' | 'standardPeriods'>;
      const created: Programme = { ...body, id: 2, kindName: 'Bồi dưỡng chức danh', active: true, version: 1 };
      programmes.push(created);
      return reply(created, 201);
    },
  );
}

const posts = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/programmes').map((r) => r.body);

/** Adds a chip to a tags select: type it, press Enter. */
function addTag(id: string, text: string) {
  const input = document.getElementById(id)!;
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('the programmes of the catalogue', () => {
  it('adds a programme with its kind, titles and topics, and lists it', async () => {
    const sent = server();
    renderWithApp(<ProgrammesList search={{}} onSearch={() => {}} canEdit />);
    await screen.findByText('Chương trình bồi dưỡng kỹ năng tuyên truyền');

    fireEvent.click(screen.getByRole('button', { name: /Thêm chương trình/ }));
    type('programme_name', '  Chương trình bồi dưỡng Bí thư chi đoàn  ');
    await pick('programme_kindCode', 'Bồi dưỡng chức danh');
    await pick('programme_targetTitles', 'Bí thư');
    addTag('programme_topics', 'Nghiệp vụ công tác Đoàn');
    addTag('programme_topics', 'Kỹ năng tổ chức sinh hoạt chi đoàn');
    type('programme_standardDays', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]).toEqual({
      name: 'Chương trình bồi dưỡng Bí thư chi đoàn',
      kindCode: 'title',
      targetTitles: ['secretary'],
      topics: ['Nghiệp vụ công tác Đoàn', 'Kỹ năng tổ chức sinh hoạt chi đoàn'],
      standardDays: 3,
      standardPeriods: null,
    });
    const row = (await screen.findByText('Chương trình bồi dưỡng Bí thư chi đoàn', { selector: 'td' })).closest('tr')!;
    expect(within(row).getByText('Bồi dưỡng chức danh')).toBeTruthy();
    expect(within(row).getByText('Bí thư')).toBeTruthy();
    expect(within(row).getByText('2 chuyên đề')).toBeTruthy();
  }, 120_000);

  it('sends no programme without its name and kind, and says which is missing', async () => {
    const sent = server();
    renderWithApp(<ProgrammesList search={{}} onSearch={() => {}} canEdit />);
    await screen.findByText('Chương trình bồi dưỡng kỹ năng tuyên truyền');
    fireEvent.click(screen.getByRole('button', { name: /Thêm chương trình/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Hãy nhập tên chương trình')).toBeTruthy();
    expect(screen.getByText('Hãy chọn loại hình bồi dưỡng')).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);
  }, 120_000);
});
