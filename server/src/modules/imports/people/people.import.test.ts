import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makePerson, makePosition, makeUnit } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { form } from '../../../../test/multipart.ts';
import { PEOPLE_COLUMNS, type PeopleKey } from './people.columns.ts';

/**
 * The people kind's batched check and write: rows written in bulk and in chunks must each land on
 * their own person (positions, audit rows) and be found and counted as rows written one by one are
 * (SQLite sets the row triggers aside for the write), and the secretaries read once for the whole
 * sheet must refuse what the per-row check refused.
 */

async function sheet(rows: Partial<Record<PeopleKey, string>>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(PEOPLE_COLUMNS.map((c) => c.header));
  ws.addRows(rows.map((r) => PEOPLE_COLUMNS.map((c) => r[c.key] ?? null)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('people import, in batches', () => {
  let t: TestApp;
  let cuJut: number;
  let admin: Session;

  const upload = async (data: Buffer, commit: boolean) => {
    const f = form('can-bo.xlsx', data);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/people?commit=${commit}`,
      payload: f.payload,
      headers: { 'content-type': f.contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ImportResult>();
  };

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, admin } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('writes 1,205 rows across chunks, each position and audit row on its own person', async () => {
    const branch = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 1', parentId: cuJut, code: 'CJ-B1' });
    const known = await makePerson(t.ctx, {
      unitId: branch,
      familyName: 'Trần',
      givenName: 'Cũ',
      nationalId: '067090009999',
      birthDate: '1990-01-01',
    });
    const n = 1205;
    const rows: Partial<Record<PeopleKey, string>>[] = Array.from({ length: n }, (_, i) => ({
      unit: 'CJ-B1',
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: `Số ${i}`,
      birthDate: '15/03/1994',
      gender: 'Nam',
      ethnicity: 'Kinh',
      nationalId: `0670940${String(i).padStart(5, '0')}`,
      // Every other row with a position whose decision names the row.
      ...(i % 2
        ? {
            title: 'Ủy viên Ban Chấp hành',
            employment: 'Bán chuyên trách',
            method: 'Bầu cử',
            decision: `QĐ-${i}`,
            startDate: '01/10/2022',
          }
        : {}),
    }));
    // The stored person, updated in the middle of the sheet.
    rows.splice(700, 0, {
      unit: 'CJ-B1',
      familyName: 'Trần',
      givenName: 'Cũ',
      nationalId: '067090009999',
      phone: '0988000111',
    });
    const done = await upload(await sheet(rows), true);
    expect(done).toMatchObject({ errors: 0, committed: true, counts: { create: n, update: 1, skip: 0 } });

    const people = await t.db.kysely
      .selectFrom('people')
      .select(['id', 'given_name', 'national_id', 'phone', 'version'])
      .where('unit_id', '=', branch)
      .execute();
    expect(people).toHaveLength(n + 1);
    const byNumber = new Map(people.map((p) => [p.national_id, p]));
    for (let i = 0; i < n; i++)
      expect(byNumber.get(`0670940${String(i).padStart(5, '0')}`)?.given_name).toBe(`Số ${i}`);
    expect(byNumber.get('067090009999')).toMatchObject({ id: known, phone: '0988000111', version: 2 });

    const positions = await t.db.kysely
      .selectFrom('positions as pos')
      .innerJoin('people as p', 'p.id', 'pos.person_id')
      .select(['pos.id', 'pos.decision', 'p.given_name'])
      .where('pos.unit_id', '=', branch)
      .execute();
    expect(positions).toHaveLength(Math.floor(n / 2));
    for (const p of positions) expect(`QĐ-${p.given_name.slice(3)}`).toBe(p.decision);

    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action', 'before', 'after'])
      .where('unit_id', '=', branch)
      .where('action', '=', 'import')
      .execute();
    expect(audits).toHaveLength(n + 1 + positions.length);
    const names = new Map(people.map((p) => [p.id, p.given_name]));
    const decisions = new Map(positions.map((p) => [p.id, p.decision]));
    for (const a of audits) {
      const after = JSON.parse(a.after!) as { givenName?: string; decision?: string };
      if (a.entity === 'person') expect(after.givenName).toBe(names.get(a.entity_id));
      else expect(after.decision).toBe(decisions.get(a.entity_id));
    }
    // A new person's history starts with what the record holds: an edit later records it as "before".
    const first = people.find((p) => p.id !== known)!;
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${first.id}`,
      payload: { version: first.version, phone: '0912000222' },
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const history = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['import', 'update']);
    expect(JSON.parse(history[1]!.before!)).toEqual(JSON.parse(history[0]!.after!));
    expect(JSON.parse(history[0]!.after!)).toMatchObject({ unitName: 'Chi đoàn thôn 1', ethnicityName: 'Kinh' });

    const update = audits.find((a) => a.entity_id === known && a.entity === 'person')!;
    expect(JSON.parse(update.before!)).toMatchObject({ phone: null, nationalId: '0xx******999' });
    expect(JSON.parse(update.after!)).toMatchObject({ phone: '0988000111' });
  });

  it('leaves the name search and the figure counters as row-by-row writes would, and their triggers as they were', async () => {
    const unit = await makeUnit(t.ctx, { name: 'Chi đoàn buôn Buôr', parentId: cuJut, code: 'CJ-BB' });
    // The triggers a bulk write sets aside on SQLite, as the schema has them.
    const triggers = () =>
      t.db.engine === 'sqlite'
        ? sql<{ name: string; text: string }>`select name, sql as text from sqlite_master
            where type = 'trigger' and tbl_name in ('people', 'positions') order by name`
            .execute(t.db.kysely)
            .then((r) => r.rows)
        : Promise.resolve([]);
    const counted = async () =>
      Number(
        (
          await sql<{ w: number }>`select coalesce(sum(weight), 0) as w from figure_changes
            where domain = 'positions'`.execute(t.db.kysely)
        ).rows[0]!.w,
      );
    const [before, countedBefore] = [await triggers(), await counted()];
    const n = 300;
    const rows: Partial<Record<PeopleKey, string>>[] = Array.from({ length: n }, (_, i) => ({
      unit: 'CJ-BB',
      familyName: 'Ksor',
      givenName: `Hlơnh ${i}`,
      birthDate: '02/09/1995',
      gender: 'Nữ',
      ethnicity: 'Gia-rai',
      ...(i % 3 === 2
        ? {}
        : {
            title: 'Ủy viên Ban Chấp hành',
            employment: 'Bán chuyên trách',
            method: 'Bầu cử',
            startDate: '01/10/2022',
          }),
    }));
    const done = await upload(await sheet(rows), true);
    expect(done, JSON.stringify(done.issues.slice(0, 3))).toMatchObject({
      errors: 0,
      committed: true,
      counts: { create: n },
    });

    // Found by a part of the name without its marks (SQLite answers it from its full-text index).
    const found = await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent('hlonh 21')}&pageSize=50`);
    expect(found.statusCode, found.body).toBe(200);
    expect(
      found
        .json<{ items: { fullName: string }[] }>()
        .items.map((p) => p.fullName)
        .sort(),
    ).toEqual([
      'Ksor Hlơnh 21',
      'Ksor Hlơnh 210',
      'Ksor Hlơnh 211',
      'Ksor Hlơnh 212',
      'Ksor Hlơnh 213',
      'Ksor Hlơnh 214',
      'Ksor Hlơnh 215',
      'Ksor Hlơnh 216',
      'Ksor Hlơnh 217',
      'Ksor Hlơnh 218',
      'Ksor Hlơnh 219',
    ]);
    // The positions counted for the figures' cache (SQLite: one for each, as its row trigger counts).
    // Two rows in three hold a position: 200, a bulk insert for both tables.
    const positions = (2 * n) / 3;
    if (t.db.engine === 'sqlite') expect(await counted()).toBe(countedBefore + positions);
    else expect(await counted()).toBeGreaterThan(countedBefore);
    expect(await triggers()).toEqual(before);

    // A person added one by one afterwards is indexed by the trigger, back in place.
    await makePerson(t.ctx, { unitId: unit, familyName: 'Ksor', givenName: 'Hlơnh Sau' });
    const later = await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent('hlonh sau')}`);
    expect(later.json<{ items: { fullName: string }[] }>().items.map((p) => p.fullName)).toEqual(['Ksor Hlơnh Sau']);
  });

  it('previews a long sheet as it arrives: the stored people it names found by national ID and by name in any batch', async () => {
    const unit = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 7', parentId: cuJut, code: 'CJ-T7' });
    const other = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 8', parentId: cuJut, code: 'CJ-T8' });
    const byId = await makePerson(t.ctx, {
      unitId: unit,
      familyName: 'Hà',
      givenName: 'Số',
      nationalId: '067095000001',
    });
    const byName = await makePerson(t.ctx, {
      unitId: unit,
      familyName: 'Trần',
      middleName: 'Thị',
      givenName: 'Bé',
      birthDate: '1996-04-30',
    });
    const namesake = await makePerson(t.ctx, {
      unitId: other,
      familyName: 'Lò',
      middleName: 'Văn',
      givenName: 'Pấng',
      birthDate: '1993-01-01',
    });
    // 2,600 rows of a national ID and a name each: looked up in more than one group as they arrive.
    const rows: Partial<Record<PeopleKey, string>>[] = Array.from({ length: 2600 }, (_, i) => ({
      unit: 'CJ-T7',
      familyName: 'Nguyễn',
      givenName: `Hàng ${i}`,
      birthDate: '15/03/1994',
      gender: 'Nam',
      ethnicity: 'Kinh',
      nationalId: `067096${String(i).padStart(6, '0')}`,
    }));
    // The stored person's name, first in another unit early on, then the person's own row late.
    rows[10] = { ...rows[10], familyName: 'Trần', middleName: 'Thị', givenName: 'Bé', birthDate: '01/01/2000' };
    rows[2500] = {
      unit: 'CJ-T7',
      familyName: 'TRẦN',
      middleName: 'THỊ',
      givenName: 'BÉ',
      birthDate: '30/04/1996',
      phone: '0905333444',
    };
    rows[2550] = { unit: 'CJ-T7', familyName: 'Hà', givenName: 'Số', nationalId: '067095000001', phone: '0905333555' };
    rows[2590] = {
      ...rows[2590],
      familyName: 'Lò',
      middleName: 'Văn',
      givenName: 'Pấng',
      birthDate: '01/01/1993',
      nationalId: undefined,
    };
    const preview = await upload(await sheet(rows), false);
    expect(preview, JSON.stringify([preview.counts, preview.issues.slice(0, 4)])).toMatchObject({
      errors: 0,
      committed: false,
      counts: { create: 2598, update: 2, skip: 0 },
    });
    const maybe = preview.issues.filter((i) => i.severity === 'warning');
    expect(maybe).toEqual([expect.objectContaining({ row: 2592, ids: [namesake] })]);
    const committed = await upload(await sheet(rows), true);
    expect(committed).toMatchObject({ committed: true, counts: { create: 2598, update: 2 } });
    const phones = await t.db.kysely
      .selectFrom('people')
      .select(['id', 'phone'])
      .where('id', 'in', [byId, byName])
      .orderBy('id')
      .execute();
    expect(phones).toEqual([
      { id: byId, phone: '0905333555' },
      { id: byName, phone: '0905333444' },
    ]);
  });

  it('updates stored people each with their own cells (text, dates, yes/no), every other field kept', async () => {
    const branch = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 2', parentId: cuJut, code: 'CJ-B2' });
    const phone = await makePerson(t.ctx, {
      unitId: branch,
      familyName: 'Võ',
      givenName: 'Điện',
      nationalId: '067088000001',
      birthDate: '1988-02-03',
    });
    const party = await makePerson(t.ctx, {
      unitId: branch,
      familyName: 'Võ',
      givenName: 'Đảng',
      nationalId: '067088000002',
    });
    const done = await upload(
      await sheet([
        { unit: 'CJ-B2', familyName: 'Võ', givenName: 'Điện', nationalId: '067088000001', phone: '0905111222' },
        {
          unit: 'CJ-B2',
          familyName: 'Võ',
          givenName: 'Đảng',
          nationalId: '067088000002',
          birthDate: '04/05/1990',
          partyMember: 'Có',
          partyJoinDate: '19/05/2015',
        },
      ]),
      true,
    );
    expect(done).toMatchObject({ errors: 0, committed: true, counts: { create: 0, update: 2, skip: 0 } });
    const stored = await t.db.kysely
      .selectFrom('people')
      .select(['id', 'phone', 'birth_date', 'party_member', 'party_join_date', 'version'])
      .where('id', 'in', [phone, party])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: phone, phone: '0905111222', birth_date: '1988-02-03', party_member: 0, party_join_date: null, version: 2 },
      { id: party, phone: null, birth_date: '1990-05-04', party_member: 1, party_join_date: '2015-05-19', version: 2 },
    ]);
  });

  it('refuses a second secretary, held or in the file, and takes one after the last ended', async () => {
    const held = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, code: 'CJ-TT' });
    const twice = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Dong', parentId: cuJut, code: 'CJ-ND' });
    const ended = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, code: 'CJ-EP' });
    const sitting = await makePerson(t.ctx, { unitId: held, familyName: 'Lê', givenName: 'Đương' });
    const seat = await makePosition(t.ctx, {
      personId: sitting,
      unitId: held,
      title: 'secretary',
      startDate: '2020-01-01',
    });
    const former = await makePerson(t.ctx, { unitId: ended, familyName: 'Lê', givenName: 'Trước' });
    await makePosition(t.ctx, {
      personId: former,
      unitId: ended,
      title: 'secretary',
      startDate: '2017-01-01',
      endDate: '2022-06-30',
    });
    const secretary = (unit: string, given: string, nationalId: string) => ({
      unit,
      familyName: 'Phạm',
      givenName: given,
      gender: 'Nữ',
      ethnicity: 'Kinh',
      nationalId,
      title: 'Bí thư',
      employment: 'Chuyên trách',
      method: 'Bầu cử',
      startDate: '01/07/2022',
    });
    const rows = [
      secretary('CJ-TT', 'Một', '067190000001'),
      secretary('CJ-ND', 'Hai', '067190000002'),
      secretary('CJ-ND', 'Ba', '067190000003'),
      secretary('CJ-EP', 'Bốn', '067190000004'),
    ];
    const preview = await upload(await sheet(rows), false);
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Chức danh',
        ids: [seat],
        message: expect.stringContaining('Lê Đương'),
      }),
      expect.objectContaining({
        row: 4,
        column: 'Chức danh',
        message: 'Đoàn xã Nam Dong đã có Bí thư ở dòng 3 của tệp',
      }),
    ]);
    const fine = await upload(await sheet([rows[1]!, rows[3]!]), true);
    expect(fine).toMatchObject({ errors: 0, committed: true, counts: { create: 2 } });
    const secretaries = await t.db.kysely
      .selectFrom('positions')
      .select('unit_id')
      .where('title', '=', 'secretary')
      .where('unit_id', 'in', [twice, ended])
      .where('end_date', 'is', null)
      .execute();
    expect(secretaries.map((s) => s.unit_id).sort()).toEqual([twice, ended].sort());
  });

  it('stores phone cells as digits, a number cell without its leading 0 too, and refuses an impossible one by its column', async () => {
    await makeUnit(t.ctx, { name: 'Chi đoàn thôn 9', parentId: cuJut, code: 'CJ-B9' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(PEOPLE_COLUMNS.map((c) => c.header));
    const row = (givenName: string, nationalId: string, phone: string | number) => {
      const r: Partial<Record<PeopleKey, string | number>> = {
        unit: 'CJ-B9',
        familyName: 'Phạm',
        givenName,
        gender: 'Nữ',
        ethnicity: 'Kinh',
        nationalId,
        phone,
      };
      return PEOPLE_COLUMNS.map((c) => r[c.key] ?? null);
    };
    ws.addRow(row('Một', '067195000001', '0905 111 222'));
    // Excel shows a number cell without its leading zero
    ws.addRow(row('Hai', '067195000002', 905111333));
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await upload(good, true)).toMatchObject({ errors: 0, committed: true, counts: { create: 2 } });
    const stored = await t.db.kysely
      .selectFrom('people')
      .select(['given_name', 'phone'])
      .where('national_id', 'in', ['067195000001', '067195000002'])
      .orderBy('national_id')
      .execute();
    expect(stored).toEqual([
      { given_name: 'Một', phone: '0905111222' },
      { given_name: 'Hai', phone: '0905111333' },
    ]);

    ws.addRow(row('Ba', '067195000003', '12 34'));
    const preview = await upload(Buffer.from(await wb.xlsx.writeBuffer()), false);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ row: 4, column: 'Điện thoại', message: expect.stringContaining('ví dụ 0912 345 678') }),
    ]);
  });
});
