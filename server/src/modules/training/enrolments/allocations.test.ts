import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Allocation } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeUnit } from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { auditRows, enrolmentsOf, enrolmentWorld, nominated, type EnrolmentWorld } from './enrolment.fixtures.ts';

describe('seat allocations', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let classId: number;
  const url = () => `/api/v1/training/classes/${classId}/allocations`;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    classId = await makeClass(t.ctx, { organiserUnitId: w.province, capacity: 10, status: 'planned' });
  });
  afterAll(() => t.close());

  it('the organiser gives seats to its units, audited, and never more than the capacity in total', async () => {
    const api = as(t.app, w.provinceEditor);
    const a = await api.post(url(), { unitId: w.cuJut, seats: 4 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      unitName: 'Huyện đoàn Cư Jút',
      seats: 4,
      used: 0,
      waitlisted: 0,
      canNominate: true,
    });
    const audit = await auditRows(t, 'allocation', a.json<Allocation>().id);
    expect(audit.map((r) => [r.action, r.unit_id])).toEqual([['create', w.cuJut]]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ unitName: 'Huyện đoàn Cư Jút', seats: 4 });

    const over = await api.post(url(), { unitId: w.dakMil, seats: 7 });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toContain('vượt quá số học viên tối đa của lớp (10)');
    expect((await api.post(url(), { unitId: w.dakMil, seats: 6 })).statusCode).toBe(201);
    const twice = await api.post(url(), { unitId: w.cuJut, seats: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details.field).toBe('unitId');
  });

  it('seats go to an active unit inside the organiser, never to the organiser itself', async () => {
    const api = as(t.app, w.provinceEditor);
    const own = await api.post(url(), { unitId: w.province, seats: 1 });
    expect(own.statusCode).toBe(400);
    expect(own.json().details.field).toBe('unitId');
    const gone = await makeUnit(t.ctx, { name: 'Đoàn xã Đã Giải Thể', parentId: w.cuJut, status: 'dissolved' });
    const dissolved = await api.post(url(), { unitId: gone, seats: 1 });
    expect(dissolved.statusCode).toBe(400);
    expect(dissolved.json().message).toContain('đã giải thể');
    const otherProvince = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Lâm Đồng' });
    const outside = await api.post(url(), { unitId: otherProvince, seats: 1 });
    expect(outside.statusCode).toBe(400);
  });

  it('a district editor may not allocate or change seats: 403, nothing stored', async () => {
    const before = await rowCount(t, 'seat_allocations');
    const res = await as(t.app, w.editorA).post(url(), { unitId: w.eaPo, seats: 1 });
    // Cư Jút has seats in the class, so it sees the class but may not run it
    expect(res.statusCode).toBe(403);
    const mine = (await as(t.app, w.editorA).get(`${url()}?mine=true`)).json<{ items: Allocation[] }>().items[0]!;
    const patch = await as(t.app, w.editorA).patch(`/api/v1/training/allocations/${mine.id}`, {
      version: mine.version,
      seats: 9,
    });
    expect(patch.statusCode).toBe(403);
    expect(await rowCount(t, 'seat_allocations')).toBe(before);
  });

  it("the organiser sees every unit's seats in Vietnamese order; a district sees only its own", async () => {
    const all = await as(t.app, w.provinceEditor).get(`${url()}?sort=unit`);
    expect(all.json().items.map((a: Allocation) => a.unitName)).toEqual(['Huyện đoàn Cư Jút', 'Huyện đoàn Đắk Mil']);
    const bySeats = await as(t.app, w.provinceEditor).get(`${url()}?sort=seats&order=desc`);
    expect(bySeats.json().items.map((a: Allocation) => a.seats)).toEqual([6, 4]);
    const a = await as(t.app, w.editorA).get(url());
    expect(a.json()).toMatchObject({ total: 1, items: [{ unitName: 'Huyện đoàn Cư Jút', canNominate: true }] });
    const mine = await as(t.app, w.provinceEditor).get(`${url()}?mine=true`);
    expect(mine.json().total).toBe(2);
    // a viewer of Cư Jút neither nominates nor reads the province: the class is not theirs to see
    expect((await as(t.app, w.viewerA).get(url())).statusCode).toBe(404);
  });

  it('seats cannot drop below those taken; more seats seat the waitlist; only untouched seats are deleted', async () => {
    const api = as(t.app, w.provinceEditor);
    await t.db.kysely.updateTable('training_classes').set({ status: 'open' }).where('id', '=', classId).execute();
    const list = (await api.get(url())).json<{ items: Allocation[] }>().items;
    const a = list.find((x) => x.unitId === w.cuJut)!;
    const b = list.find((x) => x.unitId === w.dakMil)!;
    const people = [];
    for (const g of ['Một', 'Hai', 'Ba', 'Bốn', 'Năm']) people.push(await w.cadre(w.eaPo, ['Chu', 'Văn', g]));
    await nominated(t, w.editorA, classId, { allocationId: a.id, personIds: people, waitlist: true });

    const down = await api.patch(`/api/v1/training/allocations/${a.id}`, { version: a.version, seats: 3 });
    expect(down.statusCode).toBe(409);
    expect(down.json().message).toContain('đã có 4 học viên');
    // Đắk Mil gives two seats back so Cư Jút can take one more
    const bDown = await api.patch(`/api/v1/training/allocations/${b.id}`, { version: b.version, seats: 4 });
    expect(bDown.statusCode, bDown.body).toBe(200);
    const up = await api.patch(`/api/v1/training/allocations/${a.id}`, { version: a.version, seats: 5 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ seats: 5, used: 5, waitlisted: 0, version: a.version + 1 });
    const promoted = (await enrolmentsOf(t, w.provinceEditor, classId)).find((e) => e.personName === 'Chu Văn Năm');
    expect(promoted?.status).toBe('nominated');
    const stale = await api.patch(`/api/v1/training/allocations/${a.id}`, { version: a.version, seats: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');

    const used = await api.delete(`/api/v1/training/allocations/${a.id}`);
    expect(used.statusCode).toBe(409);
    const del = await api.delete(`/api/v1/training/allocations/${b.id}`);
    expect(del.statusCode).toBe(204);
    expect((await auditRows(t, 'allocation', b.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('seats are shared out only before the class runs', async () => {
    await t.db.kysely
      .updateTable('training_classes')
      .set({ status: 'in_progress' })
      .where('id', '=', classId)
      .execute();
    const res = await as(t.app, w.provinceEditor).post(url(), { unitId: w.dakMil, seats: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.field).toBe('status');
  });
});
