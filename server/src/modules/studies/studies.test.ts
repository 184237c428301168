import ExcelJS from 'exceljs';
import { fieldLabels } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';

const sent = {
  studyKind: 'theory_intermediate',
  decision: '15-QĐ/TĐTN',
  decisionDate: '2019-08-20',
  institution: 'Trường Chính trị tỉnh Đắk Nông',
  studyMode: 'part_time',
  startDate: '2019-09-01',
  expectedEndDate: '2020-08-31',
  funding: 'state',
};

describe('long-term study', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let personA: number;
  let personB: number;

  const studyCount = () => rowCount(t, 'studies');
  const create = (who: Session, body: Record<string, unknown>) => as(t.app, who).post('/api/v1/studies', body);
  const step = (who: Session, id: number, body: Record<string, unknown>) =>
    as(t.app, who).post(`/api/v1/studies/${id}/transition`, body);
  const auditOf = (id: number) =>
    t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'study')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
    personA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Ngông', theoryLevel: 'basic' });
    personB = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Điểu', givenName: "K'Lung" });
  });
  afterAll(() => t.close());

  it('records a study as "studying" with an audit row, and graduation raises the theory level', async () => {
    const res = await create(editorA, { ...sent, personId: personA });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ personName: 'Y Ngông', studyStatus: 'studying', version: 1, canEdit: true });
    expect((await auditOf(s.id)).map((a) => a.action)).toEqual(['create']);

    const done = await step(editorA, s.id, {
      action: 'graduate',
      version: 1,
      endDate: '2020-08-15',
      diplomaNumber: 'TC-0123',
      diplomaGrade: 'good',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ studyStatus: 'graduated', endDate: '2020-08-15', diplomaNumber: 'TC-0123' });
    const audits = await auditOf(s.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'graduate']);
    expect(JSON.parse(audits[1]!.after!)).toMatchObject({ studyStatus: 'graduated', diplomaGrade: 'good' });

    const person = (await as(t.app, editorA).get(`/api/v1/people/${personA}`)).json();
    expect(person).toMatchObject({ theoryLevel: 'intermediate', theoryLevelManual: 'basic' });
    const personAudit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', personA)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(personAudit.after!)).toEqual({ qualification: 'university', theoryLevel: 'intermediate' });
  });

  it('keeps the highest: a lower study never lowers it, a manual edit keeps what studies give', async () => {
    // A graduated advanced study, then a manual correction to "basic": the highest stays advanced.
    const adv = (await create(editorA, { ...sent, studyKind: 'theory_advanced', personId: personA })).json();
    await step(editorA, adv.id, {
      action: 'graduate',
      version: 1,
      endDate: '2021-06-30',
      diplomaNumber: 'CC-9',
      diplomaGrade: 'very_good',
    });
    const p = (await as(t.app, editorA).get(`/api/v1/people/${personA}`)).json();
    expect(p.theoryLevel).toBe('advanced');
    const edited = await as(t.app, editorA).patch(`/api/v1/people/${personA}`, {
      version: p.version,
      theoryLevel: 'basic',
      qualification: 'master',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      theoryLevel: 'advanced',
      theoryLevelManual: 'basic',
      qualification: 'master',
      qualificationManual: 'master',
    });
    // A manual value above the studies wins.
    const up = await as(t.app, editorA).patch(`/api/v1/people/${personA}`, {
      version: edited.json().version,
      theoryLevel: 'bachelor',
    });
    expect(up.json()).toMatchObject({ theoryLevel: 'bachelor', theoryLevelManual: 'bachelor' });
  });

  it('withdraws with a reason, and extends only to a later expected end', async () => {
    const s = (await create(editorA, { ...sent, studyKind: 'master', personId: personA })).json();
    const earlier = await step(editorA, s.id, {
      action: 'extend',
      version: 1,
      expectedEndDate: '2020-08-31',
      reason: 'Bảo vệ muộn',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().details.field).toBe('expectedEndDate');
    expect(earlier.json().message).toMatch(/^Ngày dự kiến kết thúc: phải sau .*31\/08\/2020/);
    const ext = await step(editorA, s.id, {
      action: 'extend',
      version: 1,
      expectedEndDate: '2021-06-30',
      reason: 'Bảo vệ luận văn muộn',
    });
    expect(ext.json()).toMatchObject({ studyStatus: 'extended', expectedEndDate: '2021-06-30', version: 2 });
    const out = await step(editorA, s.id, {
      action: 'withdraw',
      version: 2,
      endDate: '2021-01-10',
      reason: 'Ốm dài ngày',
    });
    expect(out.json()).toMatchObject({ studyStatus: 'withdrawn', reason: 'Ốm dài ngày', endDate: '2021-01-10' });
    const again = await step(editorA, s.id, {
      action: 'extend',
      version: 3,
      expectedEndDate: '2022-01-01',
      reason: 'x',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().details.field).toBe('action');
    expect(again.json().message).toMatch(/Thôi học/);
    expect((await auditOf(s.id)).map((a) => a.action)).toEqual(['create', 'extend', 'withdraw']);
    const stale = await step(editorA, s.id, { action: 'withdraw', version: 1, endDate: '2021-01-10', reason: 'x' });
    expect(stale.statusCode).toBe(409);
  });

  const badCreate: [string, Record<string, unknown>][] = [
    ['studyKind', { studyKind: 'kindergarten' }],
    ['personId', { personId: 999999 }],
    ['institution', { institution: '' }],
    ['startDate', { startDate: '2019-02-30' }],
    ['expectedEndDate', { expectedEndDate: '2019-08-31' }],
    ['decisionDate', { decisionDate: '2019-09-02' }],
  ];
  it.each(badCreate)(
    'refuses a study with a bad %s in Vietnamese naming it, storing nothing',
    async (field, change) => {
      const before = await studyCount();
      const res = await create(editorA, { ...sent, personId: personA, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe(field);
      expect(res.json().message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
      expect(await studyCount()).toBe(before);
    },
  );

  it('refuses graduating before the start or without a diploma, changing nothing', async () => {
    const s = (await create(editorA, { ...sent, studyKind: 'doctorate', personId: personA })).json();
    const cases: [string, Record<string, unknown>][] = [
      ['endDate', { endDate: '2019-08-31', diplomaNumber: 'TS-1', diplomaGrade: 'good' }],
      ['diplomaNumber', { endDate: '2022-08-31', diplomaGrade: 'good' }],
      ['diplomaGrade', { endDate: '2022-08-31', diplomaNumber: 'TS-1' }],
      ['endDate', { endDate: '2199-01-01', diplomaNumber: 'TS-1', diplomaGrade: 'good' }],
    ];
    for (const [field, body] of cases) {
      const res = await step(editorA, s.id, { action: 'graduate', version: 1, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe(field);
      expect(res.json().message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
    }
    const after = (await as(t.app, editorA).get(`/api/v1/studies/${s.id}`)).json();
    expect(after).toMatchObject({ studyStatus: 'studying', version: 1, diplomaNumber: null });
    expect((await as(t.app, editorA).get(`/api/v1/people/${personA}`)).json().qualification).toBe('master');
    expect((await auditOf(s.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('updates details with the version, and refuses an expected end before the start', async () => {
    const s = (await create(editorA, { ...sent, personId: personA })).json();
    const ok = await as(t.app, editorA).patch(`/api/v1/studies/${s.id}`, { version: 1, major: 'Chính trị học' });
    expect(ok.json()).toMatchObject({ major: 'Chính trị học', version: 2 });
    const bad = await as(t.app, editorA).patch(`/api/v1/studies/${s.id}`, {
      version: 2,
      expectedEndDate: '2019-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('expectedEndDate');
    const old = await as(t.app, editorA).patch(`/api/v1/studies/${s.id}`, { version: 1, major: 'X' });
    expect(old.statusCode).toBe(409);
  });

  describe('scoping by subtree', () => {
    let other: number;
    beforeAll(async () => {
      other = (await create(editorB, { ...sent, personId: personB })).json().id;
    });

    it("hides another district's cadre's study: 404 to read, change or move it", async () => {
      expect((await as(t.app, editorA).get(`/api/v1/studies/${other}`)).statusCode).toBe(404);
      expect((await as(t.app, editorA).patch(`/api/v1/studies/${other}`, { version: 1, major: 'X' })).statusCode).toBe(
        404,
      );
      const res = await step(editorA, other, { action: 'withdraw', version: 1, endDate: '2020-01-01', reason: 'x' });
      expect(res.statusCode).toBe(404);
      expect((await as(t.app, editorA).get(`/api/v1/people/${personB}/studies`)).statusCode).toBe(404);
      const list = (await as(t.app, editorA).get('/api/v1/studies?pageSize=200')).json();
      expect(list.items.every((s: { unitId: number }) => s.unitId === cuJut)).toBe(true);
      expect(list.total).toBeGreaterThan(0);
      // creating one for the other district's cadre is refused, naming the cadre field
      const before = await studyCount();
      const made = await create(editorA, { ...sent, personId: personB });
      expect(made.statusCode).toBe(400);
      expect(made.json().details.field).toBe('personId');
      expect(await studyCount()).toBe(before);
    });

    it('lets a viewer read but not write', async () => {
      const list = (await as(t.app, viewerA).get(`/api/v1/people/${personA}/studies`)).json();
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items[0].canEdit).toBe(false);
      const res = await create(viewerA, { ...sent, personId: personA });
      expect(res.statusCode).toBe(403);
    });

    it('filters by subtree, kind, status, start year and a name without diacritics; lists the overdue', async () => {
      const all = (await as(t.app, admin).get(`/api/v1/studies?unitId=${dakMil}`)).json();
      expect(all.items.map((s: { id: number }) => s.id)).toEqual([other]);
      const q = (await as(t.app, admin).get('/api/v1/studies?q=dieu%20k')).json();
      expect(q.items.map((s: { id: number }) => s.id)).toEqual([other]);
      const kind = (await as(t.app, admin).get('/api/v1/studies?studyKind=doctorate')).json();
      expect(kind.total).toBe(1);
      const status = (await as(t.app, admin).get('/api/v1/studies?studyStatus=graduated&yearStarted=2019')).json();
      expect(status.total).toBe(2);
      expect((await as(t.app, admin).get('/api/v1/studies?yearStarted=2018')).json().total).toBe(0);
      // The doctorate and the edited study still "studying", expected to end in 2020, are overdue today.
      const overdue = (await as(t.app, editorA).get('/api/v1/studies?overdue=true&sort=person&order=asc')).json();
      expect(
        overdue.items.every((s: { studyStatus: string }) => ['studying', 'extended'].includes(s.studyStatus)),
      ).toBe(true);
      expect(overdue.total).toBe(2);
      // The same filter exports what the list shows.
      const res = await as(t.app, editorA).get('/api/v1/studies/export.xlsx?overdue=true&sort=person&order=asc');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.rowCount).toBe(1 + overdue.total);
    });

    it('exports the filtered list to Excel with Vietnamese words', async () => {
      const res = await as(t.app, viewerA).get(
        '/api/v1/studies/export.xlsx?studyStatus=graduated&sort=startDate&order=asc',
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename="hoc-tap-dai-han-\d{4}-\d{2}-\d{2}\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Loại hình']);
      expect(sheet.rowCount).toBe(3);
      expect(sheet.getRow(2).getCell(4).value).toBe('Trung cấp lý luận chính trị');
      expect(sheet.getRow(2).getCell(5).value).toBe('Đã tốt nghiệp');
    });
  });
});
