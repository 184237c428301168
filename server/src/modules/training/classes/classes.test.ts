import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabels, type TrainingClass } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { xlsxRows } from '../../../../test/documents.ts';
import {
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  markAttendance,
  makeUser,
} from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { auditOf, classBody, classWorld, historyOf, postClass } from './class.fixtures.ts';

describe('training classes', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof classWorld>>;

  beforeAll(async () => {
    t = await testApp();
    w = await classWorld(t);
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('stores a draft at the organiser’s level with partners, a "created" history row and an audit row', async () => {
      const c = await postClass(t, w.editorA, classBody(w.cuJut));
      expect(c).toMatchObject({
        name: 'Lớp bồi dưỡng Bí thư chi đoàn',
        organiserUnitId: w.cuJut,
        organiserUnitName: 'Huyện đoàn Cư Jút',
        level: 'district',
        partners: ['Trung tâm Chính trị huyện Cư Jút'],
        kindCode: 'title',
        kindName: 'Bồi dưỡng chức danh',
        programmeId: null,
        status: 'draft',
        mode: 'in_person',
        headcount: null,
        completionRule: { minAttendancePercent: 80, passGrade: 'average' },
        seatsAllocated: 0,
        seated: 0,
        waitlisted: 0,
        sessionCount: 0,
        version: 1,
        canManage: true,
      });
      expect(await historyOf(t, c.id)).toEqual([{ from_status: null, to_status: 'draft', note: 'Tạo lớp' }]);
      const audit = await auditOf(t, 'training_class', c.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', unit_id: w.cuJut });
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({ name: c.name, status: 'draft' });
      const history = await as(t.app, w.viewerA).get(`/api/v1/training/classes/${c.id}/history`);
      expect(history.json().items).toEqual([
        expect.objectContaining({
          fromStatus: null,
          toStatus: 'draft',
          note: 'Tạo lớp',
          actorName: expect.any(String),
        }),
      ]);
    });

    it('takes the level from the organiser’s kind: a commune union’s class is a commune class', async () => {
      const c = await postClass(t, w.editorA, classBody(w.grassroots));
      expect(c.level).toBe('commune');
      const p = await postClass(t, w.provinceEditor, classBody(w.province));
      expect(p.level).toBe('province');
    });

    const bad: [string, Record<string, unknown>][] = [
      ['name', { name: '' }],
      ['kindCode', { kindCode: 'nope' }],
      ['startDate', { startDate: '2030-02-30' }],
      ['endDate', { endDate: '2030-05-11' }],
      ['capacity', { capacity: 0 }],
      ['mode', { mode: 'radio' }],
      ['organiserUnitId', { organiserUnitId: 999999 }],
      ['programmeId', { programmeId: 999999 }],
      ['minAttendancePercent', { minAttendancePercent: 101 }],
      ['passGrade', { passGrade: 'great' }],
    ];
    it.each(bad)(
      'rejects a bad %s with a Vietnamese message naming the field, storing nothing',
      async (field, change) => {
        const before = await rowCount(t, 'training_classes');
        const res = await as(t.app, w.editorA).post('/api/v1/training/classes', classBody(w.cuJut, change));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().details.field).toBe(field);
        expect(res.json().message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
        expect(await rowCount(t, 'training_classes')).toBe(before);
      },
    );

    it('says the end date may not precede the start, in dd/mm/yyyy', async () => {
      const res = await as(t.app, w.editorA).post(
        '/api/v1/training/classes',
        classBody(w.cuJut, { endDate: '2030-05-01' }),
      );
      expect(res.json().message).toBe('Ngày kết thúc: không được trước Ngày bắt đầu (12/05/2030)');
    });

    it('refuses a deactivated kind or programme, and a programme of another kind (400 naming the field)', async () => {
      const admin = w.admin;
      const prog = await as(t.app, admin).post('/api/v1/training/programmes', {
        name: 'Kỹ năng số',
        kindCode: 'digital',
      });
      expect(prog.statusCode).toBe(201);
      const wrongKind = await as(t.app, w.editorA).post(
        '/api/v1/training/classes',
        classBody(w.cuJut, { programmeId: prog.json().id }),
      );
      expect(wrongKind.statusCode).toBe(400);
      expect(wrongKind.json()).toMatchObject({ details: { field: 'programmeId' } });
      expect(wrongKind.json().message).toContain('Bồi dưỡng chuyển đổi số');
      const right = await postClass(
        t,
        w.editorA,
        classBody(w.cuJut, { kindCode: 'digital', programmeId: prog.json().id }),
      );
      expect(right.programmeName).toBe('Kỹ năng số');

      await as(t.app, admin).patch(`/api/v1/training/programmes/${prog.json().id}`, { version: 1, active: false });
      const retired = await as(t.app, w.editorA).post(
        '/api/v1/training/classes',
        classBody(w.cuJut, { kindCode: 'digital', programmeId: prog.json().id }),
      );
      expect(retired.statusCode).toBe(400);
      expect(retired.json().details.field).toBe('programmeId');
      expect(retired.json().message).toContain('đã ngừng sử dụng');

      await as(t.app, admin).patch('/api/v1/training/kinds/skills', { version: 1, active: false });
      const kind = await as(t.app, w.editorA).post(
        '/api/v1/training/classes',
        classBody(w.cuJut, { kindCode: 'skills' }),
      );
      expect(kind.statusCode).toBe(400);
      expect(kind.json().details.field).toBe('kindCode');
      // a class already carrying the retired programme keeps it through other edits
      const kept = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${right.id}`, {
        version: 1,
        place: 'Mới',
      });
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json().programmeName).toBe('Kỹ năng số');
    });

    it('only an editor of the organiser unit may create its class', async () => {
      const before = await rowCount(t, 'training_classes');
      const viewer = await as(t.app, w.viewerA).post('/api/v1/training/classes', classBody(w.cuJut));
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json().details.field).toBe('organiserUnitId');
      // another district's unit is not even visible: 400 naming the field, never its name
      const other = await as(t.app, w.editorA).post('/api/v1/training/classes', classBody(w.dakMil));
      expect(other.statusCode).toBe(400);
      expect(other.json().details.field).toBe('organiserUnitId');
      expect(other.body).not.toContain('Đắk Mil');
      expect(await rowCount(t, 'training_classes')).toBe(before);
    });
  });

  describe('listing, scoping and export', () => {
    let listWorld: TestApp;
    let l: Awaited<ReturnType<typeof classWorld>>;
    let allocatedEditor: Session;
    let cuJutClass: TrainingClass;
    let dakMilClass: TrainingClass;
    let provinceClass: TrainingClass;

    beforeAll(async () => {
      listWorld = await testApp();
      l = await classWorld(listWorld);
      cuJutClass = await postClass(listWorld, l.editorA, classBody(l.cuJut, { name: 'Lớp Đoàn viên ưu tú Cư Jút' }));
      dakMilClass = await postClass(
        listWorld,
        l.editorB,
        classBody(l.dakMil, {
          name: 'Lớp dân vận Đắk Mil',
          kindCode: 'skills',
          startDate: '2030-03-01',
          endDate: '2030-03-02',
        }),
      );
      provinceClass = await postClass(
        listWorld,
        l.provinceEditor,
        classBody(l.province, {
          name: 'Lớp Bí thư Đoàn cơ sở toàn tỉnh',
          startDate: '2030-07-01',
          endDate: '2030-07-05',
        }),
      );
      await makeAllocation(listWorld.ctx, { classId: provinceClass.id, unitId: l.cuJut, seats: 10 });
      allocatedEditor = l.editorA;
    });
    afterAll(() => listWorld.close());

    const list = async (s: Session, query = '') => {
      const res = await as(listWorld.app, s).get(`/api/v1/training/classes?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: TrainingClass[]; total: number }>();
    };
    /** An edit and a workflow step tried on the class: their status codes. */
    const writes = async (s: Session, id: number) => {
      const api = as(listWorld.app, s);
      const patch = await api.patch(`/api/v1/training/classes/${id}`, { version: 1, name: 'Đổi', capacity: 60 });
      const step = await api.post(`/api/v1/training/classes/${id}/transitions`, { action: 'plan', version: 1 });
      return [patch.statusCode, step.statusCode];
    };

    it('the province sees every class, newest first by default', async () => {
      const page = await list(l.provinceEditor);
      expect(page.items.map((c) => c.name)).toEqual([
        'Lớp Bí thư Đoàn cơ sở toàn tỉnh',
        'Lớp Đoàn viên ưu tú Cư Jút',
        'Lớp dân vận Đắk Mil',
      ]);
      expect(page.items.every((c) => c.canManage)).toBe(true);
    });

    it('a district editor cannot see or change another district’s class', async () => {
      const names = (await list(l.editorB)).items.map((c) => c.name);
      expect(names).toEqual(['Lớp dân vận Đắk Mil']);
      expect((await as(listWorld.app, l.editorB).get(`/api/v1/training/classes/${cuJutClass.id}`)).statusCode).toBe(
        404,
      );
      expect(await writes(l.editorB, cuJutClass.id)).toEqual([404, 404]);
      expect(
        (await as(listWorld.app, l.editorB).get(`/api/v1/training/classes/${cuJutClass.id}/history`)).statusCode,
      ).toBe(404);
    });

    it('a district editor with an allocation sees the province’s class but cannot manage it', async () => {
      const page = await list(allocatedEditor);
      expect(page.items.map((c) => [c.name, c.canManage])).toEqual([
        ['Lớp Bí thư Đoàn cơ sở toàn tỉnh', false],
        ['Lớp Đoàn viên ưu tú Cư Jút', true],
      ]);
      const one = await as(listWorld.app, allocatedEditor).get(`/api/v1/training/classes/${provinceClass.id}`);
      expect(one.json()).toMatchObject({ seatsAllocated: 10, canManage: false });
      expect(await writes(allocatedEditor, provinceClass.id)).toEqual([403, 403]);
      expect((await historyOf(listWorld, provinceClass.id)).map((h) => h.to_status)).toEqual(['draft']);
    });

    it('a viewer reads the district’s classes but cannot write', async () => {
      const page = await list(l.viewerA);
      expect(page.items.map((c) => c.name)).toEqual(['Lớp Đoàn viên ưu tú Cư Jút']);
      expect(page.items[0]!.canManage).toBe(false);
      expect(await writes(l.viewerA, cuJutClass.id)).toEqual([403, 403]);
      expect((await historyOf(listWorld, cuJutClass.id)).map((h) => h.to_status)).toEqual(['draft']);
    });

    it('filters by words without diacritics, organiser subtree, kind, level, status and period', async () => {
      const names = async (q: string) => (await list(l.provinceEditor, q)).items.map((c) => c.name);
      expect(await names('q=doan vien uu tu')).toEqual(['Lớp Đoàn viên ưu tú Cư Jút']);
      // the decision number and partners are searchable too
      expect((await list(l.provinceEditor, 'q=15-qd')).total).toBe(3);
      expect(await names(`organiserWithin=${l.dakMil}`)).toEqual(['Lớp dân vận Đắk Mil']);
      expect((await list(l.provinceEditor, `organiserWithin=${l.province}`)).total).toBe(3);
      expect(await names('kindCode=skills')).toEqual(['Lớp dân vận Đắk Mil']);
      expect(await names('level=province')).toEqual(['Lớp Bí thư Đoàn cơ sở toàn tỉnh']);
      expect(await names('status=draft&level=district&sort=name&order=asc')).toEqual([
        'Lớp dân vận Đắk Mil',
        'Lớp Đoàn viên ưu tú Cư Jút',
      ]);
      // dates touching the period: a class ending on its first day counts
      expect(await names('from=2030-03-02&to=2030-05-12')).toEqual([
        'Lớp Đoàn viên ưu tú Cư Jút',
        'Lớp dân vận Đắk Mil',
      ]);
      expect(await names('from=2030-05-15&to=2030-06-30')).toEqual([]);
      const bad = await as(listWorld.app, l.provinceEditor).get(
        '/api/v1/training/classes?from=2030-06-01&to=2030-05-01',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.field).toBe('to');
    });

    it('sorts by name in Vietnamese order (d before đ) and by status, and pages', async () => {
      const byName = await list(l.provinceEditor, 'sort=name&order=asc');
      expect(byName.items.map((c) => c.name)).toEqual([
        'Lớp Bí thư Đoàn cơ sở toàn tỉnh',
        'Lớp dân vận Đắk Mil',
        'Lớp Đoàn viên ưu tú Cư Jút',
      ]);
      const page2 = await list(l.provinceEditor, 'sort=name&order=asc&pageSize=2&page=2');
      expect(page2).toMatchObject({ total: 3, items: [{ name: 'Lớp Đoàn viên ưu tú Cư Jút' }] });
      await as(listWorld.app, l.editorB).post(`/api/v1/training/classes/${dakMilClass.id}/transitions`, {
        action: 'plan',
        version: 1,
      });
      const byStatus = await list(l.provinceEditor, 'sort=status&order=desc');
      expect(byStatus.items[0]!.name).toBe('Lớp dân vận Đắk Mil');
    });

    it('exports the filtered list as .xlsx with the class names and dd/mm/yyyy dates, scoped like the list', async () => {
      const res = await as(listWorld.app, l.provinceEditor).get('/api/v1/training/classes.xlsx?sort=name&order=asc');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const sheets = await xlsxRows(res.rawPayload);
      const rows = sheets['Danh sách lớp bồi dưỡng']!;
      expect(rows[0]!.slice(0, 4)).toEqual(['STT', 'Tên lớp', 'Đơn vị tổ chức', 'Cấp tổ chức']);
      const header = rows[0]!;
      const col = (name: string) => header.indexOf(name);
      expect(rows.slice(1).map((r) => r[col('Tên lớp')])).toEqual([
        'Lớp Bí thư Đoàn cơ sở toàn tỉnh',
        'Lớp dân vận Đắk Mil',
        'Lớp Đoàn viên ưu tú Cư Jút',
      ]);
      const dakMil = rows.find((r) => r[1] === 'Lớp dân vận Đắk Mil')!;
      // dates are real dates Excel shows as dd/mm/yyyy
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const dakMilRow = sheet.getRow(rows.indexOf(dakMil) + 1);
      for (const [name, day] of [
        ['Ngày bắt đầu', 1],
        ['Ngày kết thúc', 2],
      ] as const) {
        const cell = dakMilRow.getCell(col(name) + 1);
        expect(cell.value).toEqual(new Date(Date.UTC(2030, 2, day)));
        expect(cell.numFmt).toBe('dd/mm/yyyy');
      }
      expect(dakMil[col('Loại hình bồi dưỡng')]).toBe('Bồi dưỡng kỹ năng');
      expect(dakMil[col('Cấp tổ chức')]).toBe('Cấp huyện');
      expect(dakMil[col('Trạng thái')]).toBe('Đã có kế hoạch');
      expect(dakMil[col('Đơn vị phối hợp')]).toBe('Trung tâm Chính trị huyện Cư Jút');
      const province = rows.find((r) => r[1] === 'Lớp Bí thư Đoàn cơ sở toàn tỉnh')!;
      expect(province[col('Chỉ tiêu đã phân bổ')]).toBe('10');
      expect(province[col('Chức danh đối tượng')]).toBe('Bí thư; Phó Bí thư');

      const mine = await as(listWorld.app, l.editorB).get('/api/v1/training/classes.xlsx');
      const mineRows = (await xlsxRows(mine.rawPayload))['Danh sách lớp bồi dưỡng']!;
      expect(mineRows.slice(1).map((r) => r[1])).toEqual(['Lớp dân vận Đắk Mil']);
      const filtered = await as(listWorld.app, l.provinceEditor).get('/api/v1/training/classes.xlsx?kindCode=title');
      expect((await xlsxRows(filtered.rawPayload))['Danh sách lớp bồi dưỡng']!).toHaveLength(3);
    });
  });

  describe('editing', () => {
    const patch = (s: Session, id: number, body: Record<string, unknown>) =>
      as(t.app, s).patch(`/api/v1/training/classes/${id}`, body);

    it('changes fields with the version, audits before and after, and refuses a stale version', async () => {
      const c = await postClass(t, w.editorA, classBody(w.cuJut, { name: 'Lớp sửa' }));
      const res = await patch(w.editorA, c.id, {
        version: 1,
        name: 'Lớp đã sửa',
        partners: ['Trường Chính trị tỉnh'],
        mode: 'blended',
        place: '',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'Lớp đã sửa',
        partners: ['Trường Chính trị tỉnh'],
        mode: 'blended',
        place: null,
      });
      const audit = await auditOf(t, 'training_class', c.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1]!.before!)).toMatchObject({ name: 'Lớp sửa', place: 'Hội trường Huyện ủy' });
      expect(JSON.parse(audit[1]!.after!)).toMatchObject({ name: 'Lớp đã sửa', place: null });
      const stale = await patch(w.editorA, c.id, { version: 1, name: 'Cũ' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
    });

    it('names the field in Vietnamese for a rule the schema cannot check', async () => {
      const c = await postClass(t, w.editorA, classBody(w.cuJut));
      await makeSession(t.ctx, { classId: c.id, date: '2030-05-13' });
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ endDate: '2030-05-10' }, 'endDate', /^Ngày kết thúc: không được trước Ngày bắt đầu \(12\/05\/2030\)$/],
        [{ startDate: '2030-05-14' }, 'startDate', /^Ngày bắt đầu: lớp có buổi học ngày 13\/05\/2030/],
        [{ endDate: '2030-05-12' }, 'endDate', /^Ngày kết thúc: lớp có buổi học ngày 13\/05\/2030/],
        [{ capacity: -1 }, 'capacity', /^Số học viên tối đa:/],
        [{ minAttendancePercent: 120 }, 'minAttendancePercent', /^Tỷ lệ chuyên cần tối thiểu \(%\):/],
        [{ kindCode: 'nope' }, 'kindCode', /^Loại hình bồi dưỡng:/],
      ];
      for (const [body, field, message] of cases) {
        const res = await patch(w.editorA, c.id, { version: 1, ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().details.field).toBe(field);
        expect(res.json().message).toMatch(message);
      }
    });

    it('keeps the capacity at or above the seats given out: allocations and seated trainees', async () => {
      const c = await postClass(t, w.editorA, classBody(w.cuJut, { capacity: 20 }));
      await makeAllocation(t.ctx, { classId: c.id, unitId: w.grassroots, seats: 8 });
      const people = await Promise.all(
        ['An', 'Bình', 'Chi'].map((g) => makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Lê', givenName: g })),
      );
      for (const p of people) await makeEnrolment(t.ctx, { classId: c.id, personId: p, status: 'nominated' });
      const below = await patch(w.editorA, c.id, { version: 1, capacity: 7 });
      expect(below.statusCode).toBe(409);
      expect(below.json()).toMatchObject({ code: 'conflict', details: { field: 'capacity' } });
      expect(below.json().message).toBe(
        'Số học viên tối đa: không được nhỏ hơn tổng chỉ tiêu đã phân bổ cho các đơn vị (8)',
      );
      // the three were seated by the organiser directly, beyond the 8 allocated seats
      const direct = await patch(w.editorA, c.id, { version: 1, capacity: 10 });
      expect(direct.statusCode).toBe(409);
      expect(direct.json().message).toContain('cần ít nhất 11');
      const ok = await patch(w.editorA, c.id, { version: 1, capacity: 11 });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ capacity: 11, seated: 3, seatsAllocated: 8 });
    });

    it('a capacity increase seats the organiser’s waitlisted trainees, first in line first', async () => {
      const c = await postClass(t, w.editorA, classBody(w.cuJut, { capacity: 2 }));
      await as(t.app, w.editorA).post(`/api/v1/training/classes/${c.id}/transitions`, { action: 'plan', version: 1 });
      await as(t.app, w.editorA).post(`/api/v1/training/classes/${c.id}/transitions`, { action: 'open', version: 2 });
      const ids: number[] = [];
      for (const [g, status] of [
        ['Dũng', 'nominated'],
        ['Giang', 'nominated'],
        ['Hà', 'waitlisted'],
        ['Khánh', 'waitlisted'],
      ] as const) {
        const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Trần', givenName: g });
        ids.push(await makeEnrolment(t.ctx, { classId: c.id, personId: p, status }));
      }
      const res = await patch(w.editorA, c.id, { version: 3, capacity: 3 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ capacity: 3, seated: 3, waitlisted: 1 });
      const statuses = await t.db.kysely
        .selectFrom('enrolments')
        .select(['id', 'status'])
        .where('class_id', '=', c.id)
        .orderBy('id')
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['nominated', 'nominated', 'nominated', 'waitlisted']);
    });

    it('a new completion rule is applied to the trainees at once', async () => {
      const c = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'in_progress', minAttendancePercent: 100 });
      const s1 = await makeSession(t.ctx, { classId: c, date: '2025-05-12' });
      await makeSession(t.ctx, { classId: c, date: '2025-05-13' });
      const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Phạm', givenName: 'Minh' });
      const e = await makeEnrolment(t.ctx, { classId: c, personId: p, grade: 'fair' });
      await markAttendance(t.ctx, { enrolmentId: e, sessionId: s1 });
      const outcome = async () =>
        (
          await t.db.kysely
            .selectFrom('enrolments')
            .select('rule_outcome')
            .where('id', '=', e)
            .executeTakeFirstOrThrow()
        ).rule_outcome;
      const half = await patch(w.editorA, c, { version: 1, minAttendancePercent: 50 });
      expect(half.statusCode, half.body).toBe(200);
      expect(await outcome()).toBe('completed');
      await patch(w.editorA, c, { version: 2, passGrade: 'good' });
      expect(await outcome()).toBe('not_completed');
    });

    it('after completion the dates and capacity are fixed; after closing or cancelling nothing changes', async () => {
      const done = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'completed' });
      for (const [body, field] of [
        [{ capacity: 120 }, 'capacity'],
        [{ startDate: '2025-05-11' }, 'startDate'],
        [{ endDate: '2025-05-15' }, 'endDate'],
      ] as const) {
        const res = await patch(w.editorA, done, { version: 1, ...body });
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().details.field).toBe(field);
        expect(res.json().message).toContain('không sửa được khi lớp đã kết thúc');
      }
      // sending the same values back (as a form does) is not a change
      const same = await patch(w.editorA, done, {
        version: 1,
        capacity: 100,
        startDate: '2025-05-12',
        decision: '99-QĐ/HĐTN',
      });
      expect(same.statusCode, same.body).toBe(200);
      for (const status of ['closed', 'cancelled'] as const) {
        const c = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status });
        const res = await patch(w.editorA, c, { version: 1, name: 'Đổi tên' });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'status', status } });
      }
    });

    it('an editor of the organiser can reach a class of a unit below it; a viewer-only grant cannot', async () => {
      const c = await postClass(t, w.editorA, classBody(w.grassroots));
      const ownEditor = await makeUser(t.ctx, { grants: [{ unitId: w.grassroots, role: 'viewer' }] });
      const s = await login(t.app, ownEditor.login, ownEditor.password);
      expect((await patch(s, c.id, { version: 1, name: 'Đổi' })).statusCode).toBe(403);
      expect((await patch(w.admin, c.id, { version: 1, name: 'Đổi' })).statusCode).toBe(200);
    });
  });
});
