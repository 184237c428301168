import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs, pdfPages, xlsxRows } from '../../../../test/documents.ts';
import { makeSession, makeUser } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { enrolmentWorld, nominated, type EnrolmentWorld } from '../enrolments/enrolment.fixtures.ts';

/**
 * A reader of the organiser's subtree (a province leader, viewer) sees a class's every tab read-only,
 * and takes away its documents as the organiser prints them: the sign-in sheets, the roster, the
 * summons, the attendance sheet. Reading them changes nothing, so the grant to read is enough.
 */
describe('a class’s documents for its readers', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let leader: Session;
  let classId: number;
  let allocA: number;
  let session: number;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    ({ classId, allocA } = await w.provinceClass({ seatsA: 2 }));
    session = await makeSession(t.ctx, { classId, date: '2025-05-12' });
    await nominated(t, w.editorA, classId, {
      allocationId: allocA,
      personIds: [await w.cadre(w.eaPo, ['Nguyễn', 'Thị', 'Hoa'], 'secretary')],
    });
    const u = await makeUser(t.ctx, { grants: [{ unitId: w.province, role: 'viewer' }] });
    leader = await login(t.app, u.login, u.password);
  });
  afterAll(() => t.close());

  const get = async (s: Session, url: string) => as(t.app, s).get(`/api/v1/training${url}`);

  it('the sign-in sheet of a session, .docx and .pdf, with the trainees on it', async () => {
    const docx = await get(leader, `/sessions/${session}/sign-in.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docxParagraphs(docx.rawPayload).join('\n')).toContain('Nguyễn Thị Hoa');
    const pdf = await get(leader, `/sessions/${session}/sign-in.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect((await pdfPages(pdf.rawPayload)).join('\n')).toContain('Nguyễn Thị Hoa');
  });

  it('the roster and the attendance sheet', async () => {
    const roster = await get(leader, `/classes/${classId}/roster.xlsx`);
    expect(roster.statusCode, roster.body).toBe(200);
    expect(JSON.stringify(await xlsxRows(roster.rawPayload))).toContain('Nguyễn Thị Hoa');
    const sheet = await get(leader, `/classes/${classId}/attendance.xlsx`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(JSON.stringify(await xlsxRows(sheet.rawPayload))).toContain('Nguyễn Thị Hoa');
  });

  it('the summons to an allocated unit and the organiser’s own', async () => {
    const toDistrict = await get(leader, `/classes/${classId}/summons.docx?allocationId=${allocA}&date=2025-05-01`);
    expect(toDistrict.statusCode, toDistrict.body).toBe(200);
    expect(docxParagraphs(toDistrict.rawPayload).join('\n')).toContain('Nguyễn Thị Hoa');
    const own = await get(leader, `/classes/${classId}/summons.docx?date=2025-05-01`);
    expect(own.statusCode, own.body).toBe(200);
  });

  it('still changes nothing, and a unit that only sent trainees gets no organiser’s document', async () => {
    const [hoa] = (await get(leader, `/classes/${classId}/enrolments`)).json<{ items: { id: number }[] }>().items;
    const mark = await as(t.app, leader).put(`/api/v1/training/classes/${classId}/attendance`, {
      marks: [{ enrolmentId: hoa!.id, sessionId: session, mark: 'present' }],
    });
    expect(mark.statusCode).toBe(403);
    expect((await get(w.editorA, `/sessions/${session}/sign-in.pdf`)).statusCode).toBe(403);
    expect((await get(w.editorA, `/classes/${classId}/summons.docx?date=2025-05-01`)).statusCode).toBe(403);
  });
});
