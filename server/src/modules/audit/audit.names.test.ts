import type { AuditEntry, AuditName } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makeClass, makePerson, makeUser } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';

/**
 * The change log names records, never shows their ids: names stored in the rows are read as
 * written, ids stored without one are named when the log is read — only where the reader may see them.
 */
describe('names in the change log', () => {
  let t: TestApp;
  let admin: Session;
  let viewerA: Session;
  let editorA: Session;
  let cuJut: number;
  let province: number;
  let dakMil: number;
  let cls: number;
  let otherClass: number;
  let trainee: number;
  let stranger: number;
  let enrolment: number;
  let account: number;

  const log = async (who: Session, query: string): Promise<AuditEntry[]> => {
    const res = await as(t.app, who).get(`/api/v1/audit?pageSize=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as AuditEntry[];
  };
  const nameOf = (e: AuditEntry, kind: AuditName['kind'], id: number) =>
    e.names.find((n) => n.kind === kind && n.id === id);

  beforeAll(async () => {
    t = await testApp();
    const f = await twoDistricts(t);
    ({ admin, viewerA, editorA, cuJut, dakMil, province } = f);
    trainee = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Lê', givenName: 'Thị Hoa' });
    stranger = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Đỗ', givenName: 'Văn Xa' });
    cls = await makeClass(t.ctx, { organiserUnitId: f.province, name: 'Lớp Bí thư 2025', status: 'planned' });
    otherClass = await makeClass(t.ctx, { organiserUnitId: dakMil, name: 'Lớp riêng Đắk Mil', status: 'open' });

    // A class's workflow through the API: each step writes its rows as users make them.
    const session = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/sessions`, {
      date: '2025-05-12',
      part: 'morning',
      topic: 'Kỹ năng điều hành',
    });
    expect(session.statusCode).toBe(201);
    const opened = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/transitions`, {
      action: 'open',
      version: 1,
    });
    expect(opened.statusCode).toBe(200);
    const seats = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/allocations`, {
      unitId: cuJut,
      seats: 3,
    });
    expect(seats.statusCode).toBe(201);
    const nominated = await as(t.app, editorA).post(`/api/v1/training/classes/${cls}/enrolments`, {
      allocationId: seats.json().id,
      personIds: [trainee],
    });
    expect(nominated.statusCode).toBe(201);
    const list = await as(t.app, admin).get(`/api/v1/training/classes/${cls}/enrolments`);
    enrolment = list.json().items[0].id;
    const started = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/transitions`, {
      action: 'start',
      version: 2,
    });
    expect(started.statusCode).toBe(200);
    const marked = await as(t.app, admin).put(`/api/v1/training/classes/${cls}/attendance`, {
      marks: [{ enrolmentId: enrolment, sessionId: session.json().id, mark: 'late' }],
    });
    expect(marked.statusCode).toBe(200);

    // An account tied to a cadre: its row stores the cadre's id and no name.
    account = (await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'viewer' }] })).id;
    const tied = await as(t.app, admin).patch(`/api/v1/users/${account}`, { version: 1, personId: trainee });
    expect(tied.statusCode).toBe(200);

    // A row of an older shape, filed in Cư Jút, naming a cadre and a class of Đắk Mil by id alone.
    await t.db.kysely
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor_user_id: null,
        entity: 'position',
        entity_id: 999,
        action: 'update',
        unit_id: cuJut,
        before: JSON.stringify({ personId: trainee, classId: cls }),
        after: JSON.stringify({ personId: stranger, classId: otherClass }),
      })
      .execute();
  });
  afterAll(() => t.close());

  it("lists a class's own entries and its sessions', seats' and trainees', each by name with the class's page", async () => {
    const entries = await log(admin, `classId=${cls}`);
    const kinds = entries.map((e) => `${e.entity}:${e.action}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'class_session:create',
        'training_class:open',
        'allocation:create',
        'enrolment:nominate',
        'training_class:start',
        'enrolment:attendance',
      ]),
    );
    expect(entries.some((e) => e.entityId === otherClass)).toBe(false);
    for (const e of entries) {
      expect(e.record.page).toEqual({ kind: 'training_class', id: cls, name: 'Lớp Bí thư 2025' });
      expect(e.record.name).toBeTruthy();
    }
    const byAction = (a: string, entity?: string) =>
      entries.find((e) => e.action === a && (!entity || e.entity === entity))!;
    // A status step stores only the status: the class is named when read.
    expect(byAction('open').record.name).toBe('Lớp Bí thư 2025');
    expect(byAction('create', 'class_session').record.name).toBe('Kỹ năng điều hành');
    expect(byAction('nominate').record.name).toBe('Lê Thị Hoa');
    // Attendance stores the marks alone: the trainee is named when read.
    expect(byAction('attendance').record.name).toBe('Lê Thị Hoa');
    // The session's class id has no name beside it in the row: named from the class.
    expect(nameOf(byAction('create', 'class_session'), 'training_class', cls)?.name).toBe('Lớp Bí thư 2025');
    // The seat's unit is named in the row itself: nothing more to look up.
    expect(byAction('nominate').names.find((n) => n.kind === 'unit')).toBeUndefined();
  });

  it('keeps the entries of a session and of seats deleted since in their class’s log, named, and in no other', async () => {
    const planned = await makeClass(t.ctx, { organiserUnitId: province, name: 'Lớp Phó Bí thư 2025', status: 'open' });
    const session = await as(t.app, admin).post(`/api/v1/training/classes/${planned}/sessions`, {
      date: '2025-05-13',
      part: 'afternoon',
      topic: 'Buổi dời lịch',
    });
    expect(session.statusCode).toBe(201);
    const seats = await as(t.app, admin).post(`/api/v1/training/classes/${planned}/allocations`, {
      unitId: dakMil,
      seats: 2,
    });
    expect(seats.statusCode).toBe(201);
    expect((await as(t.app, admin).delete(`/api/v1/training/sessions/${session.json().id}`)).statusCode).toBe(204);
    expect((await as(t.app, admin).delete(`/api/v1/training/allocations/${seats.json().id}`)).statusCode).toBe(204);

    const entries = await log(admin, `classId=${planned}`);
    expect(entries.map((e) => `${e.entity}:${e.action}`).sort()).toEqual([
      'allocation:create',
      'allocation:delete',
      'class_session:create',
      'class_session:delete',
    ]);
    const gone = entries.find((e) => e.entity === 'class_session' && e.action === 'delete')!;
    expect(gone.record).toMatchObject({ name: 'Buổi dời lịch', page: { kind: 'training_class', id: planned } });
    expect(
      (await log(admin, `classId=${cls}`)).some(
        (e) => e.entityId === session.json().id && e.entity === 'class_session',
      ),
    ).toBe(false);
  });

  it("names a trainee's entries for a unit's viewer who sees the trainee, not the rows of the class they may not read", async () => {
    const entries = await log(viewerA, `classId=${cls}`);
    // the seats given to the viewer's unit and its trainee's entries; not the class's own steps
    expect(entries.map((e) => `${e.entity}:${e.action}`).sort()).toEqual([
      'allocation:create',
      'enrolment:attendance',
      'enrolment:nominate',
    ]);
    const attendance = entries.find((e) => e.action === 'attendance')!;
    expect(attendance.record.name).toBe('Lê Thị Hoa');
  });

  it("names a user's cadre by the cadre's name", async () => {
    const entries = await log(admin, `entity=user&entityId=${account}`);
    const tie = entries.find((e) => e.changes.some((c) => c.field === 'personId'))!;
    expect(nameOf(tie, 'person', trainee)).toEqual({ kind: 'person', id: trainee, name: 'Lê Thị Hoa' });
    expect(tie.record.page?.kind).toBe('user');
  });

  it('never reveals the name of a record outside the reader’s scope', async () => {
    const [own] = await log(viewerA, `entity=position&entityId=999`);
    expect(own).toBeDefined();
    expect(nameOf(own!, 'person', trainee)?.name).toBe('Lê Thị Hoa');
    expect(nameOf(own!, 'person', stranger)).toEqual({ kind: 'person', id: stranger, name: null });
    expect(nameOf(own!, 'training_class', otherClass)).toEqual({ kind: 'training_class', id: otherClass, name: null });
    // the province's class, in which Cư Jút has seats, is the viewer's to read only if they nominate:
    // a viewer does not, so it is not named either
    expect(nameOf(own!, 'training_class', cls)?.name).toBeNull();
    expect(JSON.stringify(own)).not.toContain('Đỗ Văn Xa');
    expect(JSON.stringify(own)).not.toContain('Lớp riêng Đắk Mil');

    const [whole] = await log(admin, `entity=position&entityId=999`);
    expect(nameOf(whole!, 'person', stranger)?.name).toBe('Đỗ Văn Xa');
    expect(nameOf(whole!, 'training_class', otherClass)?.name).toBe('Lớp riêng Đắk Mil');
  });
});
