import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeUnit, makeUser } from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { auditOf } from '../classes/class.fixtures.ts';
import { certificateWorld, completedClass, issue } from './certificate.fixtures.ts';

describe('issuing and revoking certificates', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let issued: Certificate[];

  const post = (s: Session, url: string, body: unknown = {}) => as(t.app, s).post(`/api/v1/training${url}`, body);
  const list = async (s: Session, query = '') => {
    const res = await as(t.app, s).get(`/api/v1/training/classes/${w.classId}/certificates${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Certificate[]; total: number }>();
  };

  beforeAll(async () => {
    t = await testApp();
    w = await certificateWorld(t);
  });
  afterAll(() => t.close());

  it('refuses to issue before the class is completed', async () => {
    await t.db.kysely
      .updateTable('training_classes')
      .set({ status: 'in_progress' })
      .where('id', '=', w.classId)
      .execute();
    const res = await post(w.provinceEditor, `/classes/${w.classId}/certificates`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('cấp giấy chứng nhận');
    await t.db.kysely
      .updateTable('training_classes')
      .set({ status: 'completed' })
      .where('id', '=', w.classId)
      .execute();
    expect(await rowCount(t, 'certificates')).toBe(0);
  });

  it('refuses a district editor who did not organise the class, and a district that cannot see it', async () => {
    const theirs = await makeClass(t.ctx, { organiserUnitId: w.dakMil, status: 'completed' });
    expect((await post(w.editorA, `/classes/${w.classId}/certificates`)).statusCode).toBe(403);
    expect((await post(w.editorA, `/classes/${theirs}/certificates`)).statusCode).toBe(404);
    expect((await post(w.provinceViewer, `/classes/${w.classId}/certificates`)).statusCode).toBe(403);
    expect(await rowCount(t, 'certificates')).toBe(0);
  });

  it('numbers certificates for those who completed, in name order, from 001 of the class end year', async () => {
    issued = await issue(t, w.provinceEditor, w.classId);
    expect(issued.map((c) => [c.number, c.personName])).toEqual([
      ['001/GCN-2025', 'Nguyễn Văn An'],
      ['002/GCN-2025', 'Lê Thị Bình'],
      ['003/GCN-2025', 'Y Bhin Niê'],
    ]);
    for (const c of issued) {
      expect(c).toMatchObject({
        classId: w.classId,
        issuingUnitId: w.province,
        issuingUnitName: 'Tỉnh đoàn Đắk Nông',
        status: 'valid',
        revokedAt: null,
        version: 1,
      });
      expect(c.verifyCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
    expect(new Set(issued.map((c) => c.verifyCode)).size).toBe(3);
    const audit = await auditOf(t, 'certificate', issued[0]?.id ?? 0);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'issue', unit_id: w.province });
    expect(JSON.parse(audit[0]?.after ?? '')).toMatchObject({ number: '001/GCN-2025', personName: 'Nguyễn Văn An' });
    expect(audit[0]?.after).not.toContain(issued[0]?.verifyCode);
  });

  it('issues nothing twice: a second request finds everyone certified', async () => {
    expect(await issue(t, w.provinceEditor, w.classId)).toEqual([]);
    expect(await issue(t, w.provinceEditor, w.classId, { enrolmentIds: [w.an.enrolmentId] })).toEqual([]);
    expect(await rowCount(t, 'certificates')).toBe(3);
  });

  it('refuses a listed trainee who did not complete, who withdrew, or who is in another class', async () => {
    const other = await completedClass(t, { organiserUnitId: w.province, count: 1, prefix: 'Khác' });
    for (const [ids, code, field] of [
      [[w.failed.enrolmentId], 409, 'enrolmentIds'],
      [[w.withdrawn.enrolmentId], 409, 'enrolmentIds'],
      [[other.enrolmentIds[0]], 400, 'enrolmentIds'],
    ] as const) {
      const res = await post(w.provinceEditor, `/classes/${w.classId}/certificates`, { enrolmentIds: ids });
      expect(res.statusCode, res.body).toBe(code);
      expect(res.json().details.field).toBe(field);
    }
    const failed = await post(w.provinceEditor, `/classes/${w.classId}/certificates`, {
      enrolmentIds: [w.failed.enrolmentId],
    });
    expect(failed.json().message).toBe(
      'Trần Văn Cường chưa hoàn thành lớp (không hoàn thành): không cấp giấy chứng nhận',
    );
    expect(await rowCount(t, 'certificates')).toBe(3);
  });

  it('continues the issuing unit’s numbers across its classes, and starts again in a new year', async () => {
    const same = await completedClass(t, { organiserUnitId: w.province, count: 2, prefix: 'Cùng năm' });
    const earlier = await completedClass(t, {
      organiserUnitId: w.province,
      count: 2,
      endDate: '2024-12-30',
      prefix: 'Năm trước',
    });
    expect((await issue(t, w.provinceEditor, same.classId)).map((c) => c.number)).toEqual([
      '004/GCN-2025',
      '005/GCN-2025',
    ]);
    expect((await issue(t, w.provinceEditor, earlier.classId)).map((c) => c.number)).toEqual([
      '001/GCN-2024',
      '002/GCN-2024',
    ]);
  });

  it('issues from a closed class too, and the listed trainees only', async () => {
    const closed = await completedClass(t, { organiserUnitId: w.cuJut, count: 3, prefix: 'Đã đóng' });
    await t.db.kysely
      .updateTable('training_classes')
      .set({ status: 'closed' })
      .where('id', '=', closed.classId)
      .execute();
    const only = await issue(t, w.editorA, closed.classId, { enrolmentIds: [closed.enrolmentIds[1]] });
    expect(only.map((c) => [c.number, c.personName])).toEqual([['001/GCN-2025', 'Nguyễn Văn Đã đóng 0002']]);
  });

  it('lists a class’s certificates to each reader as it lists the trainees: a district sees its own', async () => {
    const all = await list(w.provinceEditor, '?sort=person');
    expect(all.total).toBe(3);
    // Vietnamese order: given name first (An, Bình, Niê)
    expect(all.items.map((c) => c.personName)).toEqual(['Nguyễn Văn An', 'Lê Thị Bình', 'Y Bhin Niê']);
    expect((await list(w.provinceViewer, '?sort=number&order=desc')).items.map((c) => c.number)).toEqual([
      '003/GCN-2025',
      '002/GCN-2025',
      '001/GCN-2025',
    ]);
    expect((await list(w.editorA)).items.map((c) => c.personName)).toEqual(['Nguyễn Văn An', 'Y Bhin Niê']);
    expect((await list(w.editorB)).items.map((c) => c.personName)).toEqual(['Lê Thị Bình']);
    expect((await list(w.anAccount)).items.map((c) => c.personName)).toEqual(['Nguyễn Văn An']);
    const paged = await list(w.provinceEditor, '?pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, items: [{ number: '003/GCN-2025' }] });
    const theirs = await makeClass(t.ctx, { organiserUnitId: w.dakMil, status: 'completed' });
    expect((await as(t.app, w.editorA).get(`/api/v1/training/classes/${theirs}/certificates`)).statusCode).toBe(404);
  });

  describe('revocation', () => {
    const revoke = (s: Session, c: Certificate, body: unknown) => post(s, `/certificates/${c.id}/revoke`, body);

    it('is the organiser’s: the trainee’s district is refused, another district does not see it', async () => {
      const an = issued[0] as Certificate;
      const body = { version: 1, reason: 'Cấp nhầm' };
      expect((await revoke(w.editorA, an, body)).statusCode).toBe(403);
      expect((await revoke(w.editorB, an, body)).statusCode).toBe(404);
      expect((await revoke(w.provinceViewer, an, body)).statusCode).toBe(403);
      expect((await list(w.provinceEditor, '?status=revoked')).total).toBe(0);
    });

    it('needs a reason and the current version', async () => {
      const an = issued[0] as Certificate;
      const blank = await revoke(w.provinceEditor, an, { version: 1, reason: '  ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().details.field).toBe('reason');
      const stale = await revoke(w.provinceEditor, an, { version: 2, reason: 'Cấp nhầm' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
    });

    it('marks the certificate revoked with who, when and why, once', async () => {
      const an = issued[0] as Certificate;
      const res = await revoke(w.provinceEditor, an, {
        version: 1,
        reason: 'Học viên không đủ điều kiện do khai sai thông tin',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'revoked',
        revokeReason: 'Học viên không đủ điều kiện do khai sai thông tin',
        version: 2,
      });
      expect(res.json().revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const row = await t.db.kysely
        .selectFrom('certificates')
        .select(['revoked_by', 'revoked_at'])
        .where('id', '=', an.id)
        .executeTakeFirstOrThrow();
      expect(row.revoked_by).not.toBeNull();
      const audit = await auditOf(t, 'certificate', an.id);
      expect(audit.map((a) => a.action)).toEqual(['issue', 'revoke']);

      const again = await revoke(w.provinceEditor, an, { version: 2, reason: 'Lần nữa' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'conflict' });
      expect(again.json().message).toMatch(/^Giấy chứng nhận số 001\/GCN-2025 đã bị thu hồi ngày \d\d\/\d\d\/\d{4}$/);
      expect((await list(w.provinceEditor, '?status=revoked')).items.map((c) => c.number)).toEqual(['001/GCN-2025']);
      expect((await list(w.provinceEditor, '?status=valid')).total).toBe(2);
    });
  });
});

describe('certificate numbers under concurrent issuing', () => {
  let t: TestApp;
  let editor: Session;
  let unit: number;

  beforeAll(async () => {
    t = await testApp();
    const province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Lâm Đồng', code: 'TD-LD' });
    unit = await makeUnit(t.ctx, { name: 'Huyện đoàn Đức Trọng', parentId: province, kind: 'district' });
    const u = await makeUser(t.ctx, { grants: [{ unitId: unit, role: 'editor' }] });
    editor = await login(t.app, u.login, u.password);
  });
  afterAll(() => t.close());

  const numbersOf = async () =>
    (
      await t.db.kysely
        .selectFrom('certificates')
        .select(['seq', 'number', 'enrolment_id'])
        .where('issuing_unit_id', '=', unit)
        .where('year', '=', 2025)
        .orderBy('seq')
        .execute()
    ).map((r) => ({ ...r, seq: Number(r.seq) }));

  it('gives four classes of one organiser issued at the same moment the numbers 1..N, no gap, no duplicate', async () => {
    const classes = [];
    for (let i = 0; i < 4; i++) {
      classes.push(await completedClass(t, { organiserUnitId: unit, count: 15, prefix: `Lớp ${i + 1}` }));
    }
    const results = await Promise.all(
      classes.map((c) => as(t.app, editor).post(`/api/v1/training/classes/${c.classId}/certificates`, {})),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(201);
    const rows = await numbersOf();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(60);
    // each request's numbers are one unbroken run: it held the unit's lock from first to last
    for (const res of results) {
      const seqs = res.json<{ issued: Certificate[] }>().issued.map((c) => Number(c.number.split('/')[0]));
      expect(seqs).toHaveLength(15);
      expect(seqs.at(-1)! - seqs[0]!).toBe(14);
    }
  });

  it('issues each trainee once when the same class is issued twice at the same moment', async () => {
    const c = await completedClass(t, { organiserUnitId: unit, count: 10, prefix: 'Trùng' });
    const results = await Promise.all(
      [1, 2, 3].map(() => as(t.app, editor).post(`/api/v1/training/classes/${c.classId}/certificates`, {})),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(201);
    const counts = results.map((r) => r.json<{ issued: Certificate[] }>().issued.length).sort((a, b) => a - b);
    expect(counts).toEqual([0, 0, 10]);
    const rows = await numbersOf();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.enrolment_id)).size).toBe(70);
  });
});
