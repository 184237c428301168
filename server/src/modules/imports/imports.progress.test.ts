import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { form } from '../../../test/multipart.ts';
import { peopleSheet } from '../../../test/xlsx.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from './kind.ts';
import { IMPORT_KINDS } from './kinds.ts';
import { ImportTracker } from './imports.progress.ts';

/**
 * An upload's progress under its token, and its cancellation: over a real connection, since
 * cancelling is closing it. The people kind's writing is held at a chosen point (a spy around its
 * `write`), so the test knows where the commit is when it looks or cancels.
 */

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The people kind with `around` run in place of its write (given the real one). */
function holdWrites(around: (write: CheckedSheet['write'], progress: RowProgress) => Promise<void>) {
  const people = IMPORT_KINDS.people as Required<ImportKindDef>;
  const held = (checked: CheckedSheet): CheckedSheet => ({
    ...checked,
    write: (progress) => around((p) => checked.write(p), progress),
  });
  // The people kind is checked through its collector (rows parsed as they arrive), else `check`.
  const check = people.check.bind(people);
  vi.spyOn(people, 'check').mockImplementation(async (...args) => held(await check(...args)));
  const collect = people.collect.bind(people);
  vi.spyOn(people, 'collect').mockImplementation(async (tx, actor) => {
    const collector = await collect(tx, actor);
    return { add: collector.add, check: async (...args) => held(await collector.check(...args)) };
  });
}

describe('import progress and cancellation', () => {
  let t: TestApp;
  let editorA: Session;
  let editorB: Session;
  let base: string;

  const stored = async () => ({
    people: await rowCount(t, 'people'),
    positions: await rowCount(t, 'positions'),
    audit: await rowCount(t, 'audit_log'),
  });
  const send = (data: Buffer, token: string, signal?: AbortSignal) => {
    const f = form('can-bo.xlsx', data);
    return fetch(`${base}/api/v1/imports/people?commit=true&progress=${token}`, {
      method: 'POST',
      body: f.payload,
      headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
      ...(signal ? { signal } : {}),
    });
  };
  const progressOf = async (who: Session | null, token: string) => {
    const res = await as(t.app, who).get(`/api/v1/imports/progress/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ImportProgress>();
  };
  const until = async (who: Session, token: string, done: (p: ImportProgress) => boolean) => {
    for (let i = 0; i < 2_000; i++) {
      const p = await progressOf(who, token);
      if (done(p)) return p;
      await pause(10);
    }
    throw new Error(`progress of ${token} never came`);
  };

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    ({ editorA, editorB } = d);
    await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, code: 'EAPO' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => t.close());

  it('tells the session that sent the sheet how many rows are written of how many, and no one else', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    holdWrites(async (write, progress) => {
      await progress(0);
      await held;
      await write(progress);
    });
    const token = 'progress-of-three-hundred';
    const answer = send(peopleSheet(300, 1), token);
    expect(await until(editorA, token, (p) => p.phase === 'writing')).toEqual({
      phase: 'writing',
      done: 0,
      total: 300,
    });
    // Another editor, or no one signed in, with the same token: nothing to see.
    expect(await progressOf(editorB, token)).toEqual({ phase: 'waiting', done: 0, total: 0 });
    expect(await progressOf(null, token)).toEqual({ phase: 'waiting', done: 0, total: 0 });
    release();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ committed: true, counts: { create: 300 } });
    expect(await progressOf(editorA, token)).toEqual({
      phase: 'saved',
      done: 300,
      total: 300,
      counts: { create: 300, update: 0, skip: 0 },
    });
  });

  it('a commit cancelled while it writes rolls back: nothing of the sheet is stored', async () => {
    const before = await stored();
    holdWrites(async (write, progress) => {
      await write(progress);
      // Every row is written (in the transaction); wait here until the client goes away.
      for (;;) {
        await progress(200);
        await pause(5);
      }
    });
    const token = 'cancelled-while-writing';
    const cancel = new AbortController();
    const answer = send(peopleSheet(200, 10_000), token, cancel.signal).then(
      () => 'answered',
      () => 'cancelled',
    );
    await until(editorA, token, (p) => p.phase === 'writing' && p.done === 200);
    cancel.abort();
    expect(await answer).toBe('cancelled');
    expect(await until(editorA, token, (p) => p.phase !== 'writing')).toEqual({
      phase: 'cancelled',
      done: 200,
      total: 200,
    });
    expect(await stored()).toEqual(before);
    // The server goes on: the same sheet, sent again, commits.
    vi.restoreAllMocks();
    const again = await send(peopleSheet(200, 10_000), 'sent-again-after-cancel');
    expect(await again.json()).toMatchObject({ committed: true, counts: { create: 200 } });
  });

  it('a cancel that comes once the last check has passed finds the sheet saved, and the progress says so', async () => {
    const before = await stored();
    const cancel = new AbortController();
    const lastCheck = Object.getOwnPropertyDescriptor(ImportTracker.prototype, 'lastCheck')!.value as (
      this: ImportTracker,
      writes: number,
    ) => Promise<void>;
    vi.spyOn(ImportTracker.prototype, 'lastCheck').mockImplementation(async function (this: ImportTracker, writes) {
      await lastCheck.call(this, writes);
      // The client goes away now, between the last check and the end of the commit's transaction:
      // wait until the server has seen the connection close (its private signal), then let it commit.
      const gone = (this as unknown as { signal: AbortSignal }).signal;
      cancel.abort();
      if (!gone.aborted) await new Promise((r) => gone.addEventListener('abort', r, { once: true }));
    });
    const token = 'cancelled-after-the-last-check';
    // On a connection of its own (not fetch's pool, which opens a spare one after an abort and
    // keeps the server from closing until it times out).
    const f = form('can-bo.xlsx', peopleSheet(50, 20_000));
    const answer = await new Promise<string>((resolve) => {
      const req = request(
        `${base}/api/v1/imports/people?commit=true&progress=${token}`,
        {
          method: 'POST',
          agent: false,
          signal: cancel.signal,
          headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
        },
        (res) => res.resume().on('end', () => resolve('answered')),
      );
      req.on('error', () => resolve('cancelled'));
      req.end(f.payload);
    });
    expect(answer).toBe('cancelled');
    expect(await until(editorA, token, (p) => p.phase !== 'writing')).toEqual({
      phase: 'saved',
      done: 50,
      total: 50,
      counts: { create: 50, update: 0, skip: 0 },
    });
    expect((await stored()).people).toBe(before.people + 50);
  });
});
