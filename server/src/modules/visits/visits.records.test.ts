import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makePosition, makeUnit, makeUser } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { todayIso } from '../../lib/dates.ts';

const API = '/api/v1/visits';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = Buffer.from('%PDF-1.4\n% báo cáo\n%%EOF\n');

/** A browser's multipart form with one file field. */
function form(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = `----canbo${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('grassroots visits: registrations, report attachments, requirements', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let commune: number;
  let commune2: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let cadreA: number;
  let ownA: Session;
  const year = Number(todayIso().slice(0, 4));

  const versionOf = async (tripId: number) =>
    (await t.db.kysely.selectFrom('visit_trips').select('version').where('id', '=', tripId).executeTakeFirstOrThrow())
      .version;
  /** An upload at the version given, else at the trip's current one. */
  const upload = async (session: Session, tripId: number, f: ReturnType<typeof form>, version?: number) =>
    t.app.inject({
      method: 'POST',
      url: `${API}/trips/${tripId}/report-file?version=${version ?? (await versionOf(tripId))}`,
      payload: f.payload,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': f.contentType },
    });
  const detach = async (session: Session, tripId: number, version?: number) =>
    as(t.app, session).delete(`${API}/trips/${tripId}/report-file?version=${version ?? (await versionOf(tripId))}`);
  const auditOf = (entity: 'visit_trip' | 'visit_registration' | 'visit_settings', entityId: number) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
    commune = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    commune2 = await makeUnit(t.ctx, { name: 'Đoàn xã Trúc Sơn', parentId: cuJut, kind: 'commune' });
    cadreA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Niê' });
    await makePerson(t.ctx, { unitId: dakMil, familyName: 'Lê', givenName: 'Tâm' });
    const userA = await makeUser(t.ctx, { personId: cadreA });
    ownA = await login(t.app, userA.login, userA.password);
  });
  afterAll(() => t.close());

  describe('registration', () => {
    let regId: number;

    it('offers the cadre the units under the one above theirs, searched without diacritics', async () => {
      const all = (await as(t.app, ownA).get(`${API}/host-units`)).json();
      const names = all.items.map((u: { name: string }) => u.name);
      // Cư Jút's cadre: the province's units, Đắk Mil's included (a province-wide choice)
      expect(names).toEqual(expect.arrayContaining(['Đoàn xã Ea Pô', 'Đoàn xã Trúc Sơn']));
      const found = (await as(t.app, ownA).get(`${API}/host-units?q=truc son`)).json();
      expect(found.items).toEqual([{ id: commune2, name: 'Đoàn xã Trúc Sơn', parentName: expect.any(String) }]);
      expect((await as(t.app, editorB).get(`${API}/host-units?personId=${cadreA}`)).statusCode).toBe(404);
    });

    it('registers the cadre for the year, credits trips logged before it, and lets the cadre change the host unit', async () => {
      const trip = await as(t.app, ownA).post(`${API}/trips`, {
        personId: cadreA,
        hostUnitId: commune,
        startDate: `${year}-01-02`,
        endDate: `${year}-01-03`,
        purpose: 'Dự sinh hoạt chi đoàn',
      });
      expect(trip.statusCode, trip.body).toBe(201);
      const reg = await as(t.app, ownA).post(`${API}/registrations`, { personId: cadreA, year, hostUnitId: commune });
      expect(reg.statusCode, reg.body).toBe(201);
      regId = reg.json().id;
      const linked = await t.db.kysely
        .selectFrom('visit_trips')
        .select('registration_id')
        .where('id', '=', trip.json().id)
        .executeTakeFirstOrThrow();
      expect(linked.registration_id).toBe(regId);

      const changed = await as(t.app, ownA).patch(`${API}/registrations/${regId}`, {
        version: 1,
        hostUnitId: commune2,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        year,
        hostUnitId: commune2,
        hostUnitName: 'Đoàn xã Trúc Sơn',
        version: 2,
      });
      const me = (await as(t.app, ownA).get(`${API}/me?year=${year}`)).json();
      expect(me.registration).toMatchObject({ id: regId, hostUnitName: 'Đoàn xã Trúc Sơn' });
      const audit = await auditOf('visit_registration', regId);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1]!.after!)).toMatchObject({ hostUnitName: 'Đoàn xã Trúc Sơn' });
    });

    it('refuses a stale change (409), a viewer (403) and another district (404)', async () => {
      const body = { version: 1, hostUnitId: commune };
      expect((await as(t.app, ownA).patch(`${API}/registrations/${regId}`, body)).statusCode).toBe(409);
      expect(
        (await as(t.app, viewerA).patch(`${API}/registrations/${regId}`, { ...body, version: 2 })).statusCode,
      ).toBe(403);
      expect(
        (await as(t.app, editorB).patch(`${API}/registrations/${regId}`, { ...body, version: 2 })).statusCode,
      ).toBe(404);
      const byEditor = await as(t.app, editorA).patch(`${API}/registrations/${regId}`, { ...body, version: 2 });
      expect(byEditor.json()).toMatchObject({ hostUnitId: commune, version: 3 });
    });

    it('re-links a trip edited into another year to that year’s registration, or to none', async () => {
      const last = year - 1;
      const lastReg = await as(t.app, editorA).post(`${API}/registrations`, {
        personId: cadreA,
        year: last,
        hostUnitId: commune,
      });
      const created = (
        await as(t.app, editorA).post(`${API}/trips`, {
          personId: cadreA,
          hostUnitId: commune,
          startDate: `${year}-01-10`,
          endDate: `${year}-01-11`,
          purpose: 'Kiểm tra cơ sở',
        })
      ).json();
      const linkOf = async () =>
        (
          await t.db.kysely
            .selectFrom('visit_trips')
            .select('registration_id')
            .where('id', '=', created.id)
            .executeTakeFirstOrThrow()
        ).registration_id;
      expect(await linkOf()).toBe(regId);
      const moved = await as(t.app, editorA).patch(`${API}/trips/${created.id}`, {
        version: 1,
        startDate: `${last}-03-10`,
        endDate: `${last}-03-11`,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await linkOf()).toBe(lastReg.json().id);
      const unregistered = await as(t.app, editorA).patch(`${API}/trips/${created.id}`, {
        version: 2,
        startDate: `${year - 2}-03-10`,
        endDate: `${year - 2}-03-11`,
      });
      expect(unregistered.statusCode, unregistered.body).toBe(200);
      expect(await linkOf()).toBeNull();
    });
  });

  describe('report attachments', () => {
    let tripId: number;

    beforeAll(async () => {
      const res = await as(t.app, ownA).post(`${API}/trips`, {
        personId: cadreA,
        hostUnitId: commune,
        startDate: `${year - 1}-06-02`,
        endDate: `${year - 1}-06-04`,
        purpose: 'Làm việc với chi đoàn',
      });
      tripId = res.json().id;
    });

    it('attaches a PDF to the report, lists it on the trip and sends it back to readers of the trip', async () => {
      const res = await upload(ownA, tripId, form('Báo cáo đợt 1.pdf', PDF, 'application/pdf'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().reportFile).toEqual({ name: 'Báo cáo đợt 1.pdf', type: 'application/pdf', size: PDF.length });
      const y = (await as(t.app, editorA).get(`${API}/year?personId=${cadreA}&year=${year - 1}`)).json();
      expect(y.trips.find((x: { id: number }) => x.id === tripId).reportFile.name).toBe('Báo cáo đợt 1.pdf');
      const got = await as(t.app, viewerA).get(`${API}/trips/${tripId}/report-file`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect((await as(t.app, editorB).get(`${API}/trips/${tripId}/report-file`)).statusCode).toBe(404);
      const audit = await auditOf('visit_trip', tripId);
      expect(audit.at(-1)).toMatchObject({ action: 'report_file' });
      expect(JSON.parse(audit.at(-1)!.after!)).toEqual({ reportFile: { name: 'Báo cáo đợt 1.pdf', size: PDF.length } });
    });

    it('keeps a file name without direction or control characters', async () => {
      const res = await upload(ownA, tripId, form('ảnh\u202egnp.exe.png', PNG));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().reportFile.name).toBe('ảnhgnp.exe.png');
    });

    it('replaces the attachment with a PNG, then deletes it', async () => {
      const res = await upload(editorA, tripId, form('anh.png', PNG, 'image/png'));
      expect(res.json().reportFile).toMatchObject({ name: 'anh.png', type: 'image/png' });
      expect(await rowCount(t, 'visit_report_files')).toBe(1);
      expect((await detach(viewerA, tripId)).statusCode).toBe(403);
      expect((await detach(editorB, tripId)).statusCode).toBe(404);
      const del = await detach(ownA, tripId);
      expect(del.statusCode, del.body).toBe(200);
      expect(del.json().reportFile).toBeNull();
      expect((await as(t.app, ownA).get(`${API}/trips/${tripId}/report-file`)).statusCode).toBe(404);
      expect((await auditOf('visit_trip', tripId)).at(-1)!.action).toBe('report_file_delete');
    });

    it('refuses other types, disguised files, empty and oversized files, and other districts, storing nothing', async () => {
      const before = await rowCount(t, 'visit_report_files');
      const exe = await upload(ownA, tripId, form('virus.exe', Buffer.from('MZ...')));
      expect(exe.statusCode).toBe(400);
      expect(exe.json()).toMatchObject({ details: { field: 'file' } });
      expect(exe.json().message).toContain('PDF, Word (.docx), JPG hoặc PNG');
      const disguised = await upload(ownA, tripId, form('bao-cao.pdf', Buffer.from('<html>hi</html>')));
      expect(disguised.statusCode).toBe(400);
      expect(disguised.json().message).toContain('không phải là tệp .pdf');
      expect((await upload(ownA, tripId, form('rong.png', Buffer.alloc(0)))).statusCode).toBe(400);
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      const tooBig = await upload(ownA, tripId, form('lon.pdf', big));
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().message).toContain('lớn hơn 10 MB');
      expect((await upload(editorB, tripId, form('a.pdf', PDF))).statusCode).toBe(404);
      expect((await upload(viewerA, tripId, form('a.pdf', PDF))).statusCode).toBe(403);
      const none = await as(t.app, ownA).post(`${API}/trips/${tripId}/report-file?version=${await versionOf(tripId)}`);
      expect(none.statusCode).toBe(400);
      expect(await rowCount(t, 'visit_report_files')).toBe(before);
    });

    it('moves the trip’s version with the attachment, so a form opened before is stale (409), and refuses a stale upload', async () => {
      const seen = await versionOf(tripId);
      const res = await upload(ownA, tripId, form('bao-cao.pdf', PDF, 'application/pdf'), seen);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(seen + 1);
      expect(await versionOf(tripId)).toBe(seen + 1);
      // an editor's form opened on the old version cannot overwrite the trip unseen
      const edit = await as(t.app, editorA).patch(`${API}/trips/${tripId}`, { version: seen, purpose: 'Sửa' });
      expect(edit.statusCode).toBe(409);
      // nor can an upload or a deletion made on it
      const stale = await upload(editorA, tripId, form('khac.png', PNG, 'image/png'), seen);
      expect(stale.statusCode).toBe(409);
      expect((await detach(editorA, tripId, seen)).statusCode).toBe(409);
      const file = await as(t.app, ownA).get(`${API}/trips/${tripId}/report-file`);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      const audit = await auditOf('visit_trip', tripId);
      expect(audit.filter((a) => a.action === 'report_file')).toHaveLength(4);
      const del = await detach(ownA, tripId, seen + 1);
      expect(del.json()).toMatchObject({ reportFile: null, version: seen + 2 });
    });

    it('stores the attachment, the version and the audit row together or not at all', async () => {
      // The audit row of an attachment is made to fail: the file and the version go with it.
      if (t.db.engine === 'sqlite') {
        await sql`create trigger refuse_file_audit before insert on audit_log when new.action = 'report_file'
          begin select raise(abort, 'audit refused'); end`.execute(t.db.kysely);
      } else {
        await sql`create function refuse_file_audit() returns trigger language plpgsql as $$
          begin if new.action = 'report_file' then raise exception 'audit refused'; end if; return new; end $$`.execute(
          t.db.kysely,
        );
        await sql`create trigger refuse_file_audit before insert on audit_log
          for each row execute function refuse_file_audit()`.execute(t.db.kysely);
      }
      try {
        const seen = await versionOf(tripId);
        const files = await rowCount(t, 'visit_report_files');
        const res = await upload(ownA, tripId, form('bao-cao.pdf', PDF, 'application/pdf'), seen);
        expect(res.statusCode).toBe(500);
        expect(await versionOf(tripId)).toBe(seen);
        expect(await rowCount(t, 'visit_report_files')).toBe(files);
      } finally {
        await sql`drop trigger refuse_file_audit${sql.raw(t.db.engine === 'sqlite' ? '' : ' on audit_log')}`.execute(
          t.db.kysely,
        );
      }
    });
  });

  describe('requirements by level and title', () => {
    const days = async (personId: number) =>
      (await as(t.app, admin).get(`${API}/year?personId=${personId}&year=${year}`)).json().requirement;
    let secretary: number;
    let deputy: number;
    let grassroots: number;

    beforeAll(async () => {
      const branch = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 3', parentId: commune, kind: 'branch' });
      secretary = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', givenName: 'Bí' });
      await makePosition(t.ctx, { personId: secretary, unitId: cuJut, title: 'secretary' });
      deputy = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', givenName: 'Phó' });
      // a title held until last year's end no longer counts this year (titles count as held on the year's
      // last day, or today while the year runs)
      await makePosition(t.ctx, {
        personId: deputy,
        unitId: cuJut,
        title: 'secretary',
        startDate: '2020-01-01',
        endDate: `${year - 1}-12-31`,
      });
      // a commune cadre, who goes down to the commune's branch
      grassroots = await makePerson(t.ctx, { unitId: commune, familyName: 'Võ', givenName: 'Cơ' });
      for (const [p, hostUnitId] of [
        [secretary, commune],
        [deputy, commune],
        [grassroots, branch],
      ]) {
        const res = await as(t.app, admin).post(`${API}/registrations`, { personId: p, year, hostUnitId });
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    it('uses the most specific requirement: title over level over the default', async () => {
      expect([await days(secretary), await days(deputy), await days(grassroots)]).toEqual([60, 60, 60]);
      const district = await as(t.app, admin).post(`${API}/settings/${province}/requirements`, {
        level: 'district',
        annualDays: 45,
      });
      expect(district.statusCode, district.body).toBe(200);
      const title = await as(t.app, admin).post(`${API}/settings/${province}/requirements`, {
        title: 'secretary',
        annualDays: 30,
      });
      expect(title.statusCode, title.body).toBe(200);
      // Cư Jút is a district: 45; its secretary: 30; last year's secretary: 45; a commune cadre: the default 60
      expect([await days(secretary), await days(deputy), await days(grassroots), await days(cadreA)]).toEqual([
        30, 45, 60, 45,
      ]);
      // in the year the deputy was still secretary, the title counts
      const then = (await as(t.app, admin).get(`${API}/year?personId=${deputy}&year=${year - 1}`)).json();
      expect(then.requirement).toBe(30);
      const list = (await as(t.app, admin).get(`${API}/compliance?unitId=${cuJut}&year=${year}`)).json();
      const byName = Object.fromEntries(
        list.items.map((r: { personName: string; requirement: number }) => [r.personName, r.requirement]),
      );
      expect(byName).toMatchObject({ 'Hà Bí': 30, 'Hà Phó': 45, 'Võ Cơ': 60, 'Y Niê': 45 });
      const settings = (await as(t.app, admin).get(`${API}/settings?unitId=${cuJut}`)).json();
      expect(
        settings.requirements.map((r: { level: string | null; title: string | null; annualDays: number }) => [
          r.level,
          r.title,
          r.annualDays,
        ]),
      ).toEqual([
        ['district', null, 45],
        [null, 'secretary', 30],
      ]);
    });

    it('judges compliance against the cadre’s own requirement', async () => {
      await as(t.app, admin).post(`${API}/trips`, {
        personId: secretary,
        hostUnitId: commune,
        startDate: `${year}-01-01`,
        endDate: `${year}-01-30`,
        purpose: 'Nắm tình hình',
      });
      const done = (await as(t.app, admin).get(`${API}/compliance?unitId=${cuJut}&year=${year}&status=done`)).json();
      expect(done.items.map((r: { personName: string; days: number }) => [r.personName, r.days])).toEqual([
        ['Hà Bí', 30],
      ]);
      expect((await as(t.app, admin).get(`${API}/year?personId=${secretary}&year=${year}`)).json()).toMatchObject({
        days: 30,
        requirement: 30,
        status: 'done',
      });
    });

    it('changes a requirement set again, deletes one, audits both, and lets only the top unit’s administrators', async () => {
      const again = await as(t.app, admin).post(`${API}/settings/${province}/requirements`, {
        level: 'district',
        annualDays: 50,
      });
      expect(again.json()).toMatchObject({ level: 'district', annualDays: 50, version: 2 });
      expect(await days(deputy)).toBe(50);
      const both = await as(t.app, admin).post(`${API}/settings/${province}/requirements`, {
        level: 'district',
        title: 'secretary',
        annualDays: 20,
      });
      expect(both.statusCode).toBe(400);
      const byEditor = await as(t.app, editorA).post(`${API}/settings/${province}/requirements`, {
        level: 'district',
        annualDays: 10,
      });
      expect(byEditor.statusCode).toBe(404);
      expect((await as(t.app, editorA).delete(`${API}/requirements/${again.json().id}`)).statusCode).toBe(404);
      const del = await as(t.app, admin).delete(`${API}/requirements/${again.json().id}`);
      expect(del.statusCode).toBe(204);
      expect(await days(deputy)).toBe(60);
      const audit = await auditOf('visit_settings', province);
      expect(audit.map((a) => a.action)).toEqual([
        'requirement_set',
        'requirement_set',
        'requirement_set',
        'requirement_delete',
      ]);
      expect(JSON.parse(audit[2]!.before!)).toEqual({ level: 'district', title: null, annualDays: 45 });
    });
  });
});
