import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { makeUnit } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import type { Session } from '../../../test/http.ts';
import { form } from '../../../test/multipart.ts';
import { freePort } from '../../../test/port.ts';
import { peopleSheet } from '../../../test/xlsx.ts';
import { createDb, type Db } from '../../db/index.ts';

/**
 * `kill -9` of the real server while it commits a large sheet: the database is exactly as it was
 * before the commit (one transaction: the engine's journal drops what was never committed), and
 * usable. The server runs as a child process from a build of its own (as `npm start` runs it,
 * without the TypeScript loader, which would take far longer to start), on this file's database: a
 * SQLite file, or this file's PostgreSQL schema. The upload's progress says when it is writing.
 */

const ROOT = resolve(import.meta.dirname, '../../../..');

/** Every row of the tables an import writes, in order: equal before and after means untouched. */
async function snapshot(db: Db): Promise<string> {
  const k = db.kysely;
  return JSON.stringify([
    await k.selectFrom('people').selectAll().orderBy('id').execute(),
    await k.selectFrom('positions').selectAll().orderBy('id').execute(),
    await k.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    await k.selectFrom('units').selectAll().orderBy('id').execute(),
  ]);
}

/** Rows of the sheet killed while written: many, so its commit runs long past the first report. */
const ROWS = 6_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 of the server during an import commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'canbo-kill-'));
  const dist = join(ROOT, 'node_modules/.cache', `canbo-kill-${randomBytes(4).toString('hex')}`);
  let t: TestApp | undefined;
  let server: ChildProcess | undefined;
  let reopened: Db | undefined;

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await reopened?.destroy();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  it('leaves the database exactly as before the commit, and usable', { timeout: 90_000 }, async () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs'), dist], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);

    t = await testApp({}, { sqliteFile: join(dir, 'canbo.db') });
    const { cuJut, editorA } = await twoDistricts(t);
    await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, code: 'EAPO' });
    const send = (base: string, who: Session, data: Buffer, query: string, signal?: AbortSignal) => {
      const f = form('can-bo.xlsx', data);
      return fetch(`${base}/api/v1/imports/people?${query}`, {
        method: 'POST',
        body: f.payload,
        headers: { 'content-type': f.contentType, cookie: who.cookie, 'x-csrf-token': who.csrf },
        ...(signal ? { signal } : {}),
      });
    };
    // The data before: a sheet committed through the app in this process.
    const earlier = peopleSheet(3, 1);
    const seeded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/people?commit=true',
      ...(() => {
        const f = form('can-bo.xlsx', earlier);
        return {
          payload: f.payload,
          headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
        };
      })(),
    });
    expect(seeded.json()).toMatchObject({ committed: true, counts: { create: 3 } });
    const before = await snapshot(t.db);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(dist, 'main.mjs'), 'serve'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIST: join(dir, 'no-web'),
        LOG_LEVEL: 'error',
      },
    });
    let stderr = '';
    server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<void>((r) => server!.once('exit', () => r()));
    for (let up = false; !up;) {
      expect(server.exitCode, stderr).toBeNull();
      up = await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await pause(50);
    }

    // The editor's session lives in the database: the child server knows it.
    const token = randomBytes(12).toString('hex');
    const commit = send(base, editorA, peopleSheet(ROWS, 1_000), `commit=true&progress=${token}`).then(
      (r) => `answered ${r.status}`,
      () => 'connection lost',
    );
    let seen: ImportProgress = { phase: 'waiting', done: 0, total: 0 };
    while (seen.phase !== 'writing') {
      expect(['waiting', 'reading', 'checking'], JSON.stringify(seen)).toContain(seen.phase);
      await pause(5);
      const res = await fetch(`${base}/api/v1/imports/progress/${token}`, { headers: { cookie: editorA.cookie } });
      seen = (await res.json()) as ImportProgress;
    }
    server.kill('SIGKILL');
    await exited;
    expect(seen.total).toBe(ROWS);
    expect(seen.done).toBeLessThan(ROWS);
    expect(await commit).toBe('connection lost');

    // Opened again as a restarted server opens it: nothing of the sheet, the earlier rows as they were.
    reopened = createDb(t.databaseUrl);
    expect(await snapshot(reopened)).toBe(before);
    if (reopened.engine === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.kysely);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    }
    // And it takes writes again: the same sheet commits in full.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/people?commit=true',
      ...(() => {
        const f = form('can-bo.xlsx', peopleSheet(50, 1_000));
        return {
          payload: f.payload,
          headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
        };
      })(),
    });
    expect(again.json()).toMatchObject({ committed: true, counts: { create: 50 } });
  });
});
