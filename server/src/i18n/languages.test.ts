import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { makeClass, makePerson, makeUser } from '../../test/factories.ts';
import { login } from '../../test/http.ts';
import { todayIso, vnDate } from '../lib/dates.ts';
import { twoDistricts, type TestApp } from '../../test/fixtures.ts';
import type { Session } from '../../test/http.ts';

/**
 * The server answers in the user's language: the web app sends its own in Accept-Language, and the
 * same refusal comes in Vietnamese (the default) or English.
 */
describe('the server answers in the language asked', () => {
  let t: TestApp;
  let cuJut: number;
  let province: number;
  let editorA: Session;
  let viewerA: Session;
  let admin: Session;
  let person: number;

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, province, editorA, viewerA, admin } = await twoDistricts(t));
    person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Trần', givenName: 'Nam' });
  });
  afterAll(() => t.close());

  /** One request in a language (no header: none sent), as a user or anonymously. */
  const ask = (
    lang: string | null,
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: {
        ...(lang === null ? {} : { 'accept-language': lang }),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      },
    });

  /** A sign-in with a login that does not exist (a new one each time: the throttle counts per login too). */
  const tryAs = async (lang: string | null, n: number) =>
    (
      await ask(lang, null, 'POST', '/api/v1/auth/login', { login: `khong-co-${n}`, password: 'sai mat khau roi' })
    ).json();

  /** The same request in Vietnamese and in English: the same status and code, a message in each. */
  async function both(session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const vi = await ask('vi', session, method, url, payload);
    const en = await ask('en', session, method, url, payload);
    expect(en.statusCode).toBe(vi.statusCode);
    expect(en.json().code).toBe(vi.json().code);
    expect(en.json().details?.field).toEqual(vi.json().details?.field);
    return { status: vi.statusCode, vi: vi.json().message as string, en: en.json().message as string };
  }

  it('a wrong login, in Vietnamese by default and in English when asked', async () => {
    expect(await tryAs(null, 1)).toMatchObject({
      code: 'unauthenticated',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
    expect(await tryAs('en', 2)).toMatchObject({ code: 'unauthenticated', message: 'Wrong login or password' });
    expect((await tryAs('en-US,en;q=0.9,vi;q=0.8', 3)).message).toBe('Wrong login or password');
    expect((await tryAs('vi-VN,vi;q=0.9,en;q=0.8', 4)).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('no session, an unknown address', async () => {
    expect(await both(null, 'GET', '/api/v1/people')).toEqual({
      status: 401,
      vi: 'Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập',
      en: 'Your session has ended or you have not signed in',
    });
    expect(await both(editorA, 'GET', '/api/v1/khong-co')).toEqual({
      status: 404,
      vi: 'Không tìm thấy địa chỉ này',
      en: 'There is nothing at this address',
    });
  });

  it('a field refused by the contract’s schema names the field in each language', async () => {
    const base = { unitId: cuJut, familyName: 'Lê', givenName: 'Hoa', gender: 'female', ethnicityCode: '01' };
    const phone = await both(editorA, 'POST', '/api/v1/people', { ...base, phone: '12 34' });
    expect(phone.status).toBe(400);
    expect(phone.vi).toMatch(/^Điện thoại: số điện thoại gồm 10 hoặc 11 chữ số/);
    expect(phone.en).toBe(
      'Phone: a phone number has 10 or 11 digits starting with 0 (or + and a country code), e.g. 0912 345 678',
    );
    const missing = await both(editorA, 'POST', '/api/v1/people', { ...base, givenName: undefined });
    expect(missing.vi).toMatch(/^Tên: /);
    expect(missing.en).toBe('Given name: Invalid input: expected string');
    const tooLong = await both(editorA, 'POST', '/api/v1/people', { ...base, familyName: 'x'.repeat(51) });
    expect(tooLong.en).toBe('Family name: Too big: expected string to have <=50 characters');
  });

  it('a rule of the service names the field in each language', async () => {
    const r = await both(editorA, 'PATCH', `/api/v1/people/${person}`, {
      version: 1,
      partyMember: false,
      partyJoinDate: '2015-01-01',
    });
    expect(r).toEqual({
      status: 400,
      vi: 'Ngày vào Đảng: chỉ ghi khi cán bộ là Đảng viên',
      en: 'Party join date: only for a Party member',
    });
  });

  it('not found, forbidden and stale', async () => {
    expect(await both(editorA, 'GET', '/api/v1/people/999999')).toEqual({
      status: 404,
      vi: 'Hồ sơ cán bộ không tồn tại hoặc bạn không có quyền xem',
      en: 'The cadre’s record does not exist or you may not see it',
    });
    expect(await both(viewerA, 'PATCH', `/api/v1/people/${person}`, { version: 1, phone: '0912345678' })).toEqual({
      status: 403,
      vi: 'Bạn chỉ được xem, không được sửa hồ sơ cán bộ này',
      en: 'You may only view this cadre’s record, not change it',
    });
    expect(await both(editorA, 'PATCH', `/api/v1/people/${person}`, { version: 7, phone: '0912345678' })).toEqual({
      status: 409,
      vi: 'Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.',
      en: 'Someone else changed this record after you opened it. Reload to see their change, then edit again.',
    });
  });

  it('a password too easy to guess, with why, in each language', async () => {
    const user = await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'viewer' }] });
    const session = await login(t.app, user.login, user.password);
    const r = await both(session, 'POST', '/api/v1/auth/password', {
      currentPassword: user.password,
      password: 'password123',
    });
    expect(r.status).toBe(400);
    expect(r.vi).toMatch(/^Mật khẩu: quá dễ đoán — /);
    expect(r.en).toMatch(/^Password: too easy to guess — .+\. Use a phrase of four or five unrelated words/);
  });

  it('a login already taken', async () => {
    const taken = await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'viewer' }] });
    const r = await both(admin, 'POST', '/api/v1/users', {
      login: taken.login,
      displayName: 'Người thứ hai',
      password: 'mot-cum-tu-kho-doan-ra-lam',
      grants: [{ unitId: cuJut, role: 'viewer' }],
    });
    expect(r).toEqual({
      status: 409,
      vi: `Tên đăng nhập "${taken.login}" đã có`,
      en: `The login "${taken.login}" is already taken`,
    });
  });

  it('a step the class’s state does not allow, naming the states in each language', async () => {
    const closed = await makeClass(t.ctx, { organiserUnitId: province, name: 'Lớp đã đóng hồ sơ', status: 'closed' });
    expect(
      await both(admin, 'POST', `/api/v1/training/classes/${closed}/sessions`, { date: '2025-05-13', part: 'morning' }),
    ).toEqual({
      status: 409,
      vi: 'Không thể thêm buổi học khi lớp đang ở trạng thái "Đã đóng hồ sơ" (chỉ khi lớp "Dự thảo", "Đã có kế hoạch", "Đang nhận cử học viên", "Đang học", "Đã kết thúc")',
      en: 'Cannot add a session while the class is "Closed" (only when it is "Draft", "Planned", "Open for nominations", "In progress", "Completed")',
    });
  });

  it('seats and sessions refused with the class’s own numbers and names, in each language', async () => {
    const cls = await makeClass(t.ctx, { organiserUnitId: province, name: 'Lớp Bí thư', status: 'open', capacity: 5 });
    expect(
      await both(admin, 'POST', `/api/v1/training/classes/${cls}/allocations`, { unitId: cuJut, seats: 9 }),
    ).toEqual({
      status: 409,
      vi: 'Tổng chỉ tiêu phân bổ (9) vượt quá số học viên tối đa của lớp (5)',
      en: "The seats allocated in all (9) exceed the class's capacity (5)",
    });
    expect(
      await both(admin, 'POST', `/api/v1/training/classes/${cls}/sessions`, { date: '2025-06-01', part: 'morning' }),
    ).toEqual({
      status: 400,
      vi: 'Ngày: phải trong thời gian học của lớp, từ 12/05/2025 đến 14/05/2025',
      en: "Date: must be within the class's dates, from 12/05/2025 to 14/05/2025",
    });
  });

  it('units: a date before the parent was established', async () => {
    const r = await both(admin, 'POST', '/api/v1/units', {
      code: 'CJ-MOI',
      name: 'Đoàn xã Mới',
      kind: 'grassroots',
      organisation: 'doan',
      interim: false,
      parentId: cuJut,
      date: '1999-05-01',
    });
    expect(r).toEqual({
      status: 400,
      vi: 'Ngày: 01/05/1999 trước ngày thành lập của Huyện đoàn Cư Jút',
      en: 'Date: 01/05/1999 is before Huyện đoàn Cư Jút was established',
    });
  });

  it('people: a possible duplicate named with its date of birth', async () => {
    await makePerson(t.ctx, { unitId: cuJut, familyName: 'Phạm', givenName: 'Hà', birthDate: '1995-04-02' });
    const r = await both(editorA, 'POST', '/api/v1/people', {
      unitId: cuJut,
      familyName: 'Phạm',
      givenName: 'Hà',
      birthDate: '1995-04-02',
      gender: 'female',
      ethnicityCode: '01',
    });
    expect(r).toEqual({
      status: 409,
      vi: 'Đã có 1 hồ sơ cán bộ Phạm Hà, sinh ngày 02/04/1995. Kiểm tra lại, hoặc xác nhận để vẫn tạo hồ sơ mới.',
      en: 'There is already 1 record of Phạm Hà, born on 02/04/1995. Check them, or confirm to create a new record anyway.',
    });
  });

  it('moves: a date after today, with today’s date', async () => {
    const today = vnDate(todayIso());
    const r = await both(editorA, 'POST', `/api/v1/people/${person}/moves`, {
      moveKind: 'transfer',
      fromUnitId: cuJut,
      toUnitId: province,
      moveDate: '2150-03-01',
      decision: '45-QĐ/TĐTN',
    });
    expect(r).toEqual({
      status: 400,
      vi: `Ngày điều chuyển: không được sau ngày hôm nay (${today})`,
      en: `Date of move: cannot be after today (${today})`,
    });
  });

  it('visits: a trip recorded for a cadre the user may only view', async () => {
    const r = await both(viewerA, 'POST', '/api/v1/visits/trips', {
      personId: person,
      hostUnitId: cuJut,
      startDate: '2024-03-04',
      endDate: '2024-03-15',
      purpose: 'Nắm tình hình đoàn viên ở cơ sở',
    });
    expect(r).toEqual({
      status: 403,
      vi: 'Bạn chỉ được xem, không được ghi đi cơ sở của Trần Nam',
      en: 'You may only view, not record, the grassroots visits of Trần Nam',
    });
  });

  it('users: two roles on one unit', async () => {
    const r = await both(admin, 'POST', '/api/v1/users', {
      login: 'hai-vai-tro',
      displayName: 'Hai vai trò',
      password: 'mot-cum-tu-kho-doan-ra-lam',
      grants: [
        { unitId: cuJut, role: 'viewer' },
        { unitId: cuJut, role: 'editor' },
      ],
    });
    expect(r).toEqual({
      status: 400,
      vi: 'Phân quyền: mỗi đơn vị chỉ được cấp một vai trò',
      en: 'Access rights: one role per unit',
    });
  });

  it('a recorded class: a roster row naming the same cadre twice', async () => {
    const trainee = { personId: person, outcome: 'completed' };
    const r = await both(admin, 'POST', '/api/v1/training/classes/recorded', {
      organiserUnitId: province,
      name: 'Lớp đã tổ chức năm 2019',
      kindCode: 'title',
      startDate: '2019-05-13',
      endDate: '2019-05-15',
      roster: [trainee, trainee],
    });
    expect(r.status).toBe(400);
    expect(r.vi).toMatch(/^Dòng 2 – .+: đã có ở dòng 1$/);
    expect(r.en).toMatch(/^Row 2 – .+: already on row 1$/);
  });

  // last: this address's sign-ins are refused from here on
  it('an address that keeps guessing is told to wait, in the language asked', async () => {
    // one address guessing on: refused for a while, in the language asked
    let refused: { code: string; message: string } | null = null;
    for (let n = 5; n < 60 && !refused; n++) {
      const r = await tryAs('en', n);
      if (r.code === 'rate_limited') refused = r;
    }
    expect(refused?.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
  });
});
