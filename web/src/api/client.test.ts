// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineRoute, routes } from '@canbo/contract';
import i18next from 'i18next';
import '../i18n';
import {
  ApiError,
  call,
  download,
  setCsrfToken,
  setUnauthenticatedHandler,
  upload,
  uploadWithProgress,
  urlOf,
} from './client';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}
let sent: Sent[] = [];

/** Answers every request with `res` and notes what the client sent. */
function answer(res: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      sent.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body });
      return Promise.resolve(res());
    }),
  );
}
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const refusedWith = async (p: Promise<unknown>): Promise<ApiError> => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
};

beforeEach(() => {
  sent = [];
  setCsrfToken('tok-123');
});
afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(() => {});
});

describe('the address of a call', () => {
  it('fills the path parameters and writes the query, leaving empty values out', () => {
    expect(urlOf(routes.units.get, { params: { id: 7 } })).toBe('/api/v1/units/7');
    expect(
      urlOf(routes.people.list, { query: { q: 'Lò Văn', unitId: 5, page: 2, title: undefined, gender: '' as never } }),
    ).toBe('/api/v1/people?q=L%C3%B2+V%C4%83n&unitId=5&page=2');
  });

  it('encodes the characters that would break the query and repeats an array key', () => {
    const tagged = defineRoute({
      method: 'GET',
      path: '/things',
      query: z.object({ tag: z.array(z.string()).optional(), q: z.string().optional() }),
      responses: { 200: z.null() },
    });
    expect(urlOf(tagged, { query: { tag: ['a&b', 'c=d'], q: '50% #1' } })).toBe(
      '/api/v1/things?tag=a%26b&tag=c%3Dd&q=50%25+%231',
    );
  });

  it('keeps a date as the ISO day the contract reads', () => {
    expect(urlOf(routes.training.classes, { query: { from: '2025-03-01', to: '2025-03-31' } })).toBe(
      '/api/v1/training/classes?from=2025-03-01&to=2025-03-31',
    );
  });
});

describe('the CSRF token', () => {
  it('goes with a write and its JSON body', async () => {
    answer(json(200, { ok: true }));
    await call(routes.people.update, { params: { id: 3 }, body: { version: 1, note: 'x' } as never });
    expect(sent[0]!.method).toBe('PATCH');
    expect(sent[0]!.headers.get('x-csrf-token')).toBe('tok-123');
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(sent[0]!.body as string)).toEqual({ version: 1, note: 'x' });
  });

  it('stays off a read', async () => {
    answer(json(200, { items: [], total: 0 }));
    await call(routes.people.list, { query: { page: 1 } });
    expect(sent[0]!.method).toBe('GET');
    expect(sent[0]!.headers.has('x-csrf-token')).toBe(false);
  });

  it('goes with an upload, whose body is the file as multipart', async () => {
    answer(json(200, { rows: [] }));
    const file = new File(['a,b'], 'diem-danh.xlsx');
    await upload(routes.training.uploadAttendance, { params: { id: 9 }, query: { dryRun: 'true' } }, file);
    expect(sent[0]!.url).toBe('/api/v1/training/classes/9/attendance/upload?dryRun=true');
    expect(sent[0]!.headers.get('x-csrf-token')).toBe('tok-123');
    expect((sent[0]!.body as FormData).get('file')).toBeInstanceOf(File);
  });
});

describe('a refusal', () => {
  it('becomes an ApiError with the server code, message and the field at fault', async () => {
    answer(json(400, { code: 'validation', message: 'Ngày sinh không hợp lệ', details: { field: 'birthDate' } }));
    const err = await refusedWith(call(routes.people.get, { params: { id: 1 } }));
    expect([err.status, err.code, err.message, err.field]).toEqual([
      400,
      'validation',
      'Ngày sinh không hợp lệ',
      'birthDate',
    ]);
  });

  it('that is not the server’s JSON says the status in Vietnamese', async () => {
    answer(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const err = await refusedWith(call(routes.people.get, { params: { id: 1 } }));
    expect([err.code, err.message]).toEqual(['internal', 'Đã có lỗi xảy ra (502)']);
  });

  it('401 on a session route sends the user to sign in; on a public route it does not', async () => {
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    answer(json(401, { code: 'unauthenticated', message: 'Phiên đăng nhập đã hết' }));
    await refusedWith(call(routes.people.get, { params: { id: 1 } }));
    expect(ended).toHaveBeenCalledTimes(1);
    await refusedWith(call(routes.auth.login, { body: { login: 'a', password: 'b' } }));
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('429 carries Retry-After; the wait is said when the server’s message does not say it', async () => {
    answer(json(429, { code: 'rate_limited', message: 'Quá nhiều yêu cầu, hãy thử lại sau' }, { 'retry-after': '30' }));
    let err = await refusedWith(call(routes.people.list));
    expect(err.retryAfter).toBe(30);
    expect(err.message).toBe('Quá nhiều yêu cầu, hãy thử lại sau. Hãy thử lại sau 30 giây.');

    answer(json(429, { code: 'rate_limited', message: 'Chờ chút' }, { 'retry-after': '125' }));
    err = await refusedWith(call(routes.people.list));
    expect(err.message).toBe('Chờ chút. Hãy thử lại sau 3 phút.');

    const own = 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau 5 phút.';
    answer(json(429, { code: 'rate_limited', message: own, details: { retryAfter: 300 } }, { 'retry-after': '300' }));
    err = await refusedWith(call(routes.auth.login, { body: { login: 'a', password: 'b' } }));
    expect([err.retryAfter, err.message]).toEqual([300, own]);
  });

  it('of a download is an ApiError too, and nothing is saved', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    answer(json(429, { code: 'rate_limited', message: 'Bận', details: { retryAfter: 4 } }, { 'retry-after': '4' }));
    const err = await refusedWith(download(routes.people.export, { query: { q: 'Hà' } }, 'can-bo.xlsx'));
    expect(err.retryAfter).toBe(4);
    expect(sent[0]!.url).toBe('/api/v1/people/export.xlsx?q=H%C3%A0');
    expect(sent[0]!.headers.has('x-csrf-token')).toBe(false);
    expect(click).not.toHaveBeenCalled();
  });
});

describe('a download', () => {
  it('saves the answer’s bytes under the given name', async () => {
    let saved = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    const made = vi.fn(() => 'blob:x');
    URL.createObjectURL = made;
    URL.revokeObjectURL = vi.fn();
    answer(() => new Response(new Blob(['xlsx']), { status: 200 }));
    await download(routes.people.export, {}, 'can-bo.xlsx');
    expect(saved).toBe('can-bo.xlsx');
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('without a name, saves it under the name the server gave', async () => {
    let saved = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    answer(
      () =>
        new Response(new Blob(['docx']), {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="danh-sach-ky-ten-13-06-2023-buoi-sang.docx"' },
        }),
    );
    await download(routes.training.signInDocx, { params: { id: 1 } });
    expect(saved).toBe('danh-sach-ky-ten-13-06-2023-buoi-sang.docx');
  });
});

describe('the language of the server’s answers', () => {
  it('asks for the language the app is shown in, on reads and writes', async () => {
    answer(json(200, { items: [] }));
    await i18next.changeLanguage('vi');
    await call(routes.units.list);
    await i18next.changeLanguage('en');
    await call(routes.units.list);
    await call(routes.auth.logout);
    expect(sent.map((r) => r.headers.get('accept-language'))).toEqual(['vi', 'en', 'en']);
    await i18next.changeLanguage('vi');
  });

  it('asks for it on an upload followed with its progress too (an import’s findings are worded in it)', async () => {
    const headers: Record<string, string> = {};
    /** Notes the headers, then answers the import's result at once. */
    class Recording {
      status = 200;
      responseText = JSON.stringify({ committed: false });
      upload = {};
      withCredentials = false;
      onload: (() => void) | null = null;
      open() {}
      setRequestHeader(name: string, value: string) {
        headers[name.toLowerCase()] = value;
      }
      getResponseHeader() {
        return 'application/json';
      }
      send() {
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', Recording);
    await i18next.changeLanguage('en');
    const file = new File(['x'], 'can-bo.xlsx');
    await uploadWithProgress(routes.imports.upload, { params: { importKind: 'people' } }, file, () => {});
    expect(headers['accept-language']).toBe('en');
    await i18next.changeLanguage('vi');
    await uploadWithProgress(routes.imports.upload, { params: { importKind: 'people' } }, file, () => {});
    expect(headers['accept-language']).toBe('vi');
  });
});
