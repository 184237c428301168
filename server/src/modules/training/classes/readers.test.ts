import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingClass } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeUser } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { enrolmentWorld, nominated, type EnrolmentWorld } from '../enrolments/enrolment.fixtures.ts';

/**
 * What a class shows each of its readers: the organiser's readers (a province's leaders) the whole
 * class, read-only; a unit given seats its own quota, not the class's totals it cannot see.
 */
describe('what each reader of a class sees', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let provinceViewer: Session;
  let classId: number;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    const leader = await makeUser(t.ctx, { grants: [{ unitId: w.province, role: 'viewer' }] });
    provinceViewer = await login(t.app, leader.login, leader.password);
    let allocB: number;
    ({ classId, allocB } = await w.provinceClass({ capacity: 60, seatsA: 10, seatsB: 32 }));
    // Đắk Mil nominates two of its cadres; Cư Jút nobody yet
    const mai = await w.cadre(w.dakGan, ['Trần', 'Thị', 'Mai']);
    const lan = await w.cadre(w.dakMil, ['Lê', 'Thị', 'Lan']);
    await nominated(t, w.editorB, classId, { allocationId: allocB, personIds: [mai, lan] });
  });
  afterAll(() => t.close());

  const classAs = async (s: Session): Promise<TrainingClass> => {
    const res = await as(t.app, s).get(`/api/v1/training/classes/${classId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TrainingClass>();
  };
  const listedAs = async (s: Session): Promise<TrainingClass> => {
    const res = await as(t.app, s).get(`/api/v1/training/classes?pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TrainingClass[] }>().items.find((c) => c.id === classId)!;
  };
  const seatsOf = (c: TrainingClass) => ({
    readsAll: c.readsAll,
    canManage: c.canManage,
    seatsAllocated: c.seatsAllocated,
    seated: c.seated,
    waitlisted: c.waitlisted,
  });

  it("the organiser's editors and readers see the whole class's seats", async () => {
    const whole = { seatsAllocated: 42, seated: 2, waitlisted: 0 };
    expect(seatsOf(await classAs(w.provinceEditor))).toEqual({ readsAll: true, canManage: true, ...whole });
    expect(seatsOf(await classAs(provinceViewer))).toEqual({ readsAll: true, canManage: false, ...whole });
    expect(seatsOf(await classAs(w.admin))).toEqual({ readsAll: true, canManage: true, ...whole });
    expect(seatsOf(await listedAs(provinceViewer))).toEqual({ readsAll: true, canManage: false, ...whole });
  });

  it('a unit editor sees its own quota and nominations, not the class-wide figures', async () => {
    // Cư Jút: 10 seats of its own, nobody nominated — though Đắk Mil has sent two
    const own = { readsAll: false, canManage: false, seatsAllocated: 10, seated: 0, waitlisted: 0 };
    expect(seatsOf(await classAs(w.editorA))).toEqual(own);
    expect(seatsOf(await listedAs(w.editorA))).toEqual(own);
    expect(seatsOf(await classAs(w.editorB))).toEqual({ ...own, seatsAllocated: 32, seated: 2 });
  });

  it("a province viewer reads the class's attendance, trainees, results and certificates, and changes none", async () => {
    const viewer = as(t.app, provinceViewer);
    const grid = await viewer.get(`/api/v1/training/classes/${classId}/attendance`);
    expect(grid.statusCode, grid.body).toBe(200);
    expect(grid.json<{ total: number }>().total).toBe(2);
    const trainees = await viewer.get(`/api/v1/training/classes/${classId}/enrolments`);
    expect(trainees.statusCode, trainees.body).toBe(200);
    expect(trainees.json<{ total: number }>().total).toBe(2);
    const allocations = await viewer.get(`/api/v1/training/classes/${classId}/allocations`);
    expect(allocations.json<{ total: number }>().total).toBe(2);
    const certificates = await viewer.get(`/api/v1/training/classes/${classId}/certificates`);
    expect(certificates.statusCode, certificates.body).toBe(200);
    const sheet = await viewer.get(`/api/v1/training/classes/${classId}/attendance.xlsx`);
    expect(sheet.statusCode).toBe(200);
    // read-only: grading and issuing stay the organiser editors'
    const [first] = trainees.json<{ items: { id: number }[] }>().items;
    const grade = await viewer.put(`/api/v1/training/classes/${classId}/results`, {
      results: [{ enrolmentId: first!.id, score: 8.5 }],
    });
    expect(grade.statusCode).toBe(403);
    const issue = await viewer.post(`/api/v1/training/classes/${classId}/certificates`, {});
    expect(issue.statusCode).toBe(403);
  });
});
