import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { importSheet, kindSheet } from '../../../test/importSheets.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../errors.ts';
import { peopleSheet } from '../../../test/xlsx.ts';
import { PEOPLE_COLUMNS, type PeopleKey } from './people/people.columns.ts';
import { ImportTracker } from './imports.progress.ts';
import { uploadImport } from './imports.service.ts';
import { forgetPreviews } from './previewCache.ts';

/**
 * A commit of the file just previewed writes the preview's plan (previewCache.ts) — but only when
 * a fresh check would make the same plan: the same file, the same user and scope, and nothing the
 * check reads changed in the database since. Each test shows what a user would get wrong if the
 * kept plan were trusted where it must not be.
 */

/** A people sheet (importSheets.ts) of these rows. */
const sheet = (rows: Partial<Record<PeopleKey, string>>[]) => kindSheet(PEOPLE_COLUMNS, rows);

const cadre = (given: string, more: Partial<Record<PeopleKey, string>> = {}): Partial<Record<PeopleKey, string>> => ({
  unit: 'CJ-T',
  familyName: 'Lê',
  middleName: 'Thị',
  givenName: given,
  birthDate: '02/03/1996',
  gender: 'Nữ',
  ethnicity: 'Kinh',
  ...more,
});

describe('a commit right after its preview', () => {
  let t: TestApp;
  let unit: number;
  let admin: Session;
  let editorB: Session;
  /** Sheets read in the heavy pool since the test began: 0 when a commit wrote a kept plan. */
  let reads: () => number;

  const upload = (who: Session, data: Buffer, commit: boolean) => importSheet(t, who, 'people', data, commit);
  const named = (given: string) =>
    t.db.kysely.selectFrom('people').select(['id', 'phone']).where('given_name', '=', given).execute();

  beforeAll(async () => {
    t = await testApp();
    let cuJut: number;
    ({ cuJut, admin, editorB } = await twoDistricts(t));
    unit = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, code: 'CJ-T' });
    await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, code: 'EAPO' });
  });
  beforeEach(() => {
    forgetPreviews();
    vi.restoreAllMocks();
    const run = vi.spyOn(t.ctx.heavy, 'run');
    reads = () => run.mock.calls.filter(([, task]) => task === 'readFormSheet').length;
  });
  afterAll(() => t.close());

  it('writes the preview’s plan without reading the sheet again, and answers as the preview did', async () => {
    const data = await sheet([
      cadre('Hoa', {
        nationalId: '066196000001',
        title: 'Phó Bí thư',
        employment: 'Chuyên trách',
        method: 'Bầu cử',
        startDate: '01/10/2022',
      }),
      cadre('Lan'),
    ]);
    const preview = await upload(admin, data, false);
    expect(preview).toMatchObject({ counts: { create: 2, update: 0, skip: 0 }, errors: 0, committed: false });
    const before = { people: await rowCount(t, 'people'), audit: await rowCount(t, 'audit_log') };
    const commit = await upload(admin, data, true);
    expect(reads()).toBe(1);
    expect(commit).toEqual({ ...preview, committed: true });
    expect(await rowCount(t, 'people')).toBe(before.people + 2);
    // Each new person and the new position with its audit row, as a checked commit writes them.
    expect(await rowCount(t, 'audit_log')).toBe(before.audit + 3);
    // The plan is used once: the same file again is checked again, and now creates nothing.
    expect(await upload(admin, data, true)).toMatchObject({
      counts: { create: 0, update: 0, skip: 2 },
      committed: true,
    });
    expect(reads()).toBe(2);
  });

  it('a cadre recorded between preview and commit is matched, not created a second time', async () => {
    const data = await sheet([cadre('Mai')]);
    expect((await upload(admin, data, false)).counts).toEqual({ create: 1, update: 0, skip: 0 });
    // Recorded meanwhile by someone else: same name, birth date and unit, no national ID.
    await makePerson(t.ctx, {
      unitId: unit,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Mai',
      birthDate: '1996-03-02',
      gender: 'female',
    });
    const commit = await upload(admin, data, true);
    expect(commit).toMatchObject({ counts: { create: 0, update: 0, skip: 1 }, committed: true });
    expect(reads()).toBe(2);
    expect(await named('Mai')).toHaveLength(1);
  });

  it('a record edited between preview and commit is written at its new version, not refused as stale', async () => {
    const known = await makePerson(t.ctx, {
      unitId: unit,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Cúc',
      birthDate: '1996-03-02',
      gender: 'female',
    });
    const data = await sheet([cadre('Cúc', { phone: '0905000111' })]);
    expect((await upload(admin, data, false)).counts).toEqual({ create: 0, update: 1, skip: 0 });
    const edit = await as(t.app, admin).patch(`/api/v1/people/${known}`, { version: 1, notes: 'Đã sửa' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await upload(admin, data, true)).toMatchObject({ counts: { update: 1 }, committed: true });
    expect(await named('Cúc')).toEqual([{ id: known, phone: '0905000111' }]);
  });

  it('another file never writes the plan of the file previewed', async () => {
    await upload(admin, await sheet([cadre('Đào')]), false);
    const other = await upload(admin, await sheet([cadre('Huệ')]), true);
    expect(other).toMatchObject({ counts: { create: 1 }, committed: true });
    expect(reads()).toBe(2);
    expect(await named('Huệ')).toHaveLength(1);
    expect(await named('Đào')).toHaveLength(0);
  });

  it('another user committing the same file is checked in their own scope', async () => {
    const data = await sheet([cadre('Sen')]);
    expect((await upload(admin, data, false)).errors).toBe(0);
    // The editor of the neighbouring district may not write Cư Jút's records.
    const theirs = await upload(editorB, data, true);
    expect(theirs).toMatchObject({ errors: 1, committed: false });
    expect(theirs.issues[0]).toMatchObject({ row: 2, column: 'Đơn vị', severity: 'error' });
    expect(await named('Sen')).toHaveLength(0);
  });

  it('a commit of a kept plan cancelled in the middle of its write writes nothing', async () => {
    const actor: Actor = {
      userId: 0,
      login: 'test',
      displayName: 'Test',
      personId: null,
      isSuperadmin: true,
      grants: [],
    };
    const data = peopleSheet(1_205, 30_000);
    const file = { fileName: 'can-bo.xlsx', data };
    const preview = await uploadImport(t.ctx, actor, { kind: 'people', file, commit: 'false' });
    expect(preview).toMatchObject({ counts: { create: 1_205 }, errors: 0 });
    const before = { people: await rowCount(t, 'people'), audit: await rowCount(t, 'audit_log') };
    // The client goes away once the first 1,000 rows are written in the commit's transaction.
    const client = new AbortController();
    const report = Object.getOwnPropertyDescriptor(ImportTracker.prototype, 'report')!.value as (
      this: ImportTracker,
      ...args: Parameters<ImportTracker['report']>
    ) => Promise<void>;
    vi.spyOn(ImportTracker.prototype, 'report').mockImplementation(function (this: ImportTracker, phase, done, total) {
      if (phase === 'writing' && done >= 1_000) client.abort();
      return report.call(this, phase, done, total);
    });
    const commit = uploadImport(t.ctx, actor, { kind: 'people', file, commit: 'true', signal: client.signal });
    await expect(commit).rejects.toBeInstanceOf(AppError);
    expect(client.signal.aborted).toBe(true);
    expect(reads()).toBe(1);
    expect({ people: await rowCount(t, 'people'), audit: await rowCount(t, 'audit_log') }).toEqual(before);
  });
});
