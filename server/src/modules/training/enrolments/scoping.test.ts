import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { xlsxRows } from '../../../../test/documents.ts';
import { makeSession, markAttendance } from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { auditRows, enrolmentsOf, enrolmentWorld, nominated, type EnrolmentWorld } from './enrolment.fixtures.ts';

describe('who nominates whom, and who sees which trainees', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let classId: number;
  let allocA: number;
  let allocB: number;
  let hoa: number;
  let binh: number;
  let mai: number;
  let provincial: number;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    ({ classId, allocA, allocB } = await w.provinceClass({ seatsA: 3, seatsB: 3 }));
    hoa = await w.cadre(w.eaPo, ['Nguyễn', 'Thị', 'Hoà'], 'secretary');
    binh = await w.cadre(w.cuJut, ['Lê', 'Văn', 'Bình'], 'deputy_secretary');
    mai = await w.cadre(w.dakGan, ['Trần', 'Thị', 'Mai'], 'secretary');
    provincial = await w.cadre(w.province, ['Phan', 'Văn', 'Tỉnh'], 'specialist');
  });
  afterAll(() => t.close());

  const post = (s: keyof Pick<EnrolmentWorld, 'editorA' | 'editorB' | 'viewerA' | 'provinceEditor'>, body: unknown) =>
    as(t.app, w[s]).post(`/api/v1/training/classes/${classId}/enrolments`, body);

  it('a district editor cannot nominate a cadre outside its subtree, nor one of the province', async () => {
    const before = await rowCount(t, 'enrolments');
    const other = await post('editorA', { allocationId: allocA, personIds: [hoa, mai] });
    expect(other.statusCode).toBe(400);
    expect(other.json().details.field).toBe('personIds');
    expect(other.json().message).not.toContain('Mai');
    const above = await post('editorA', { allocationId: allocA, personIds: [provincial] });
    expect(above.statusCode).toBe(400);
    // the province editor sees Mai, but Mai is not Cư Jút's to send
    const wrongQuota = await post('provinceEditor', { allocationId: allocA, personIds: [mai] });
    expect(wrongQuota.statusCode).toBe(400);
    expect(wrongQuota.json().message).toContain('Trần Thị Mai không thuộc Huyện đoàn Cư Jút');
    expect(await rowCount(t, 'enrolments')).toBe(before);
  });

  it("a district editor cannot nominate into another unit's seats nor onto the organiser's", async () => {
    const foreign = await post('editorA', { allocationId: allocB, personIds: [hoa] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details.field).toBe('allocationId');
    expect(foreign.json().message).not.toContain('Đắk Mil');
    const direct = await post('editorA', { personIds: [hoa] });
    expect(direct.statusCode).toBe(403);
    const viewer = await post('viewerA', { allocationId: allocA, personIds: [hoa] });
    expect(viewer.statusCode).toBe(404);
  });

  it('each district sees only its own trainees in the province class; the organiser sees all', async () => {
    await nominated(t, w.editorA, classId, { allocationId: allocA, personIds: [hoa, binh] });
    await nominated(t, w.editorB, classId, { allocationId: allocB, personIds: [mai] });
    await nominated(t, w.provinceEditor, classId, { personIds: [provincial] });
    const names = (list: Enrolment[]) => list.map((e) => e.personName);
    expect(names(await enrolmentsOf(t, w.editorA, classId))).toEqual(['Lê Văn Bình', 'Nguyễn Thị Hoà']);
    expect(names(await enrolmentsOf(t, w.editorB, classId))).toEqual(['Trần Thị Mai']);
    expect(names(await enrolmentsOf(t, w.provinceEditor, classId))).toEqual([
      'Lê Văn Bình',
      'Nguyễn Thị Hoà',
      'Trần Thị Mai',
      'Phan Văn Tỉnh',
    ]);
    // asking for the other district by filter finds nothing
    const probe = await enrolmentsOf(t, w.editorA, classId, `&unitWithin=${w.dakMil}&q=mai`);
    expect(probe).toEqual([]);
  });

  it('the roster .xlsx has the same rows as the list for each reader, with dates as dd/mm/yyyy', async () => {
    const roster = async (s: typeof w.editorA, query = '') => {
      const res = await as(t.app, s).get(`/api/v1/training/classes/${classId}/roster.xlsx${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      return res.rawPayload;
    };
    // the table under the sheet's title lines (roster.export.test.ts)
    const rows = async (bytes: Buffer) => {
      const all = (await xlsxRows(bytes))['Danh sách học viên']!;
      return all.slice(all.findIndex((r) => r[0] === 'STT'));
    };
    const bytes = await roster(w.editorA);
    const a = await rows(bytes);
    expect(a[0]!.slice(0, 7)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Đơn vị',
      'Chức vụ',
      'Trạng thái',
    ]);
    expect(a.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['1', 'Lê Văn Bình', expect.stringContaining('1995'), 'Nam', 'Huyện đoàn Cư Jút', 'Phó Bí thư', 'Đã cử'],
      ['2', 'Nguyễn Thị Hoà', expect.stringContaining('1995'), 'Nam', 'Đoàn xã Ea Pô', 'Bí thư', 'Đã cử'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const born = wb.worksheets[0]!.getCell('C7');
    expect(born.value).toEqual(new Date(Date.UTC(1995, 3, 30)));
    expect(born.numFmt).toBe('dd/mm/yyyy');
    const all = await rows(await roster(w.provinceEditor, `?unitWithin=${w.dakMil}`));
    expect(all.slice(1).map((r) => r[1])).toEqual(['Trần Thị Mai']);
    expect((await as(t.app, w.viewerA).get(`/api/v1/training/classes/${classId}/roster.xlsx`)).statusCode).toBe(404);
  });

  it('filters by words without diacritics, status and quota; sorts by unit and status', async () => {
    const org = w.provinceEditor;
    expect((await enrolmentsOf(t, org, classId, '&q=hoa')).map((e) => e.personName)).toEqual(['Nguyễn Thị Hoà']);
    expect((await enrolmentsOf(t, org, classId, `&allocationId=${allocB}`)).map((e) => e.personId)).toEqual([mai]);
    expect((await enrolmentsOf(t, org, classId, '&seated=true')).length).toBe(4);
    expect(await enrolmentsOf(t, org, classId, '&seated=false')).toEqual([]);
    const byUnit = await enrolmentsOf(t, org, classId, '&sort=unit');
    expect(byUnit.map((e) => e.unitName)).toEqual([
      'Đoàn xã Đắk Gằn',
      'Đoàn xã Ea Pô',
      'Huyện đoàn Cư Jút',
      'Tỉnh đoàn Đắk Nông',
    ]);
    const page = await as(t.app, org).get(`/api/v1/training/classes/${classId}/enrolments?pageSize=2&page=2`);
    expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(2);
  });

  it('only the organiser confirms, and only trainees with a seat', async () => {
    const list = await enrolmentsOf(t, w.provinceEditor, classId);
    const ids = list.map((e) => e.id);
    const byDistrict = await as(t.app, w.editorA).post(`/api/v1/training/classes/${classId}/enrolments/confirm`, {
      enrolmentIds: ids,
    });
    expect(byDistrict.statusCode).toBe(403);
    const res = await as(t.app, w.provinceEditor).post(`/api/v1/training/classes/${classId}/enrolments/confirm`, {
      enrolmentIds: ids,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 4 });
    expect((await enrolmentsOf(t, w.editorA, classId, '&status=confirmed')).length).toBe(2);
    expect((await auditRows(t, 'enrolment', ids[0]!)).map((a) => a.action)).toEqual(['nominate', 'confirm']);
    const again = await as(t.app, w.provinceEditor).post(`/api/v1/training/classes/${classId}/enrolments/confirm`, {
      enrolmentIds: ids,
    });
    expect(again.json()).toEqual({ confirmed: 0 });
  });

  it("a district withdraws its own trainees, not another district's; nobody withdraws once the class is completed", async () => {
    const [first] = await enrolmentsOf(t, w.editorB, classId);
    const cross = await as(t.app, w.editorA).post(`/api/v1/training/enrolments/${first!.id}/withdraw`, {
      version: first!.version,
      reason: 'Thử',
    });
    expect(cross.statusCode).toBe(404);
    const session = await makeSession(t.ctx, { classId });
    const own = (await enrolmentsOf(t, w.editorA, classId))[0]!;
    await markAttendance(t.ctx, { enrolmentId: own.id, sessionId: session });
    const shown = (await enrolmentsOf(t, w.editorA, classId))[0]!;
    expect(shown).toMatchObject({ attendedSessions: 1, attendancePercent: 100 });
    await t.db.kysely.updateTable('training_classes').set({ status: 'completed' }).where('id', '=', classId).execute();
    const late = await as(t.app, w.editorA).post(`/api/v1/training/enrolments/${own.id}/withdraw`, {
      version: own.version,
      reason: 'Muộn',
    });
    expect(late.statusCode).toBe(409);
    await t.db.kysely
      .updateTable('training_classes')
      .set({ status: 'in_progress' })
      .where('id', '=', classId)
      .execute();
    const ok = await as(t.app, w.editorA).post(`/api/v1/training/enrolments/${own.id}/withdraw`, {
      version: own.version,
      reason: 'Ốm',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ withdrawn: { status: 'withdrawn' }, promoted: null });
  });
});
