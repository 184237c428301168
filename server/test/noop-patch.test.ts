import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './app.ts';
import { as } from './http.ts';
import { makeClass, makePerson, makePosition, makeSession, PASSWORD } from './factories.ts';
import { rowCount, twoDistricts, type TestApp } from './fixtures.ts';
import { makeStudy } from './walk.ts';

/**
 * A save that changes nothing (the form sent back as it was loaded) must leave the record alone:
 * the same version, so nobody else's open copy turns stale, and no empty row in the history.
 */
describe('a PATCH that changes nothing', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof twoDistricts>>;
  beforeAll(async () => {
    t = await testApp();
    w = await twoDistricts(t);
  });
  afterAll(() => t.close());

  /**
   * PATCHes `url` with `same` (the record's own values), then checks nothing moved; `read` is where
   * the record is read back (the URL itself unless it has no GET).
   */
  async function expectNoChange(
    url: string,
    same: Record<string, unknown>,
    changed: Record<string, unknown>,
    read: () => Promise<{ version: number; updatedAt?: string }> = async () =>
      (await as(t.app, w.admin).get(url)).json(),
  ) {
    const api = as(t.app, w.admin);
    const before = await read();
    const audits = await rowCount(t, 'audit_log');
    const res = await api.patch(url, { ...same, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(before);
    expect(await read()).toEqual(before);
    expect(await rowCount(t, 'audit_log')).toBe(audits);
    // a stale version is still refused, changed or not
    expect((await api.patch(url, { ...same, version: before.version + 1 })).statusCode).toBe(409);
    // and a real change still counts
    const real = await api.patch(url, { ...changed, version: before.version });
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json().version).toBe(before.version + 1);
    expect(await rowCount(t, 'audit_log')).toBe(audits + 1);
  }

  it("keeps a cadre's version and history", async () => {
    const id = await makePerson(t.ctx, {
      unitId: w.cuJut,
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
      birthDate: '1995-03-02',
    });
    await expectNoChange(
      `/api/v1/people/${id}`,
      { familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An', birthDate: '1995-03-02', partyMember: false },
      { givenName: 'Ân' },
    );
  });

  it("keeps a unit's version and history", async () => {
    const unit = (await as(t.app, w.admin).get(`/api/v1/units/${w.dakMil}`)).json();
    await expectNoChange(
      `/api/v1/units/${w.dakMil}`,
      { code: unit.code, kind: unit.kind, place: unit.place, shortName: unit.shortName },
      { place: 'Đắk Mil' },
    );
  });

  it("keeps a class's version and history", async () => {
    const created = await as(t.app, w.admin).post('/api/v1/training/classes', {
      name: 'Lớp bí thư chi đoàn',
      organiserUnitId: w.cuJut,
      partners: ['Trường Chính trị tỉnh'],
      kindCode: 'title',
      targetTitles: ['secretary'],
      startDate: '2025-05-12',
      endDate: '2025-05-14',
      capacity: 40,
    });
    expect(created.statusCode, created.body).toBe(201);
    await expectNoChange(
      `/api/v1/training/classes/${created.json().id}`,
      { name: 'Lớp bí thư chi đoàn', capacity: 40, partners: ['Trường Chính trị tỉnh'], targetTitles: ['secretary'] },
      { capacity: 45 },
    );
  });

  it("keeps a session's, a position's and an account's version and history", async () => {
    const classId = await makeClass(t.ctx, { organiserUnitId: w.cuJut });
    const sessionId = await makeSession(t.ctx, { classId, topic: 'Nghiệp vụ' });
    await expectNoChange(
      `/api/v1/training/sessions/${sessionId}`,
      { date: '2025-05-12', part: 'morning', topic: 'Nghiệp vụ' },
      { topic: 'Kỹ năng' },
      async () => {
        const list = (await as(t.app, w.admin).get(`/api/v1/training/classes/${classId}/sessions`)).json();
        return list.items.find((x: { id: number }) => x.id === sessionId);
      },
    );
    const personId = await makePerson(t.ctx, { unitId: w.cuJut, familyName: 'Lê', givenName: 'Bình' });
    const positionId = await makePosition(t.ctx, { personId, unitId: w.cuJut });
    await expectNoChange(
      `/api/v1/positions/${positionId}`,
      { title: 'committee_member', term: '2022–2027', startDate: '2022-10-01' },
      { term: '2022–2025' },
    );
    const studyId = await makeStudy(t, { personId });
    await expectNoChange(
      `/api/v1/studies/${studyId}`,
      { studyKind: 'theory_intermediate', institution: 'Trường Chính trị tỉnh', startDate: '2019-09-01' },
      { major: 'Chính trị học' },
    );
    const user = await as(t.app, w.admin).post('/api/v1/users', {
      login: 'khong.doi',
      displayName: 'Trần Không Đổi',
      password: PASSWORD,
      grants: [{ unitId: w.cuJut, role: 'viewer' }],
    });
    expect(user.statusCode, user.body).toBe(201);
    await expectNoChange(
      `/api/v1/users/${user.json().id}`,
      { displayName: 'Trần Không Đổi', disabled: false },
      { disabled: true },
    );
  });

  it("saving a unit's certificate pattern as it is writes nothing", async () => {
    const api = as(t.app, w.admin);
    const url = `/api/v1/training/certificate-patterns/${w.cuJut}`;
    const before = (await api.get(url)).json<{ pattern: string; version: number }>();
    const audits = await rowCount(t, 'audit_log');
    const res = await api.put(url, { pattern: before.pattern, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(before);
    expect(await rowCount(t, 'audit_log')).toBe(audits);
    expect(await rowCount(t, 'certificate_patterns')).toBe(0);
  });
});
