/**
 * The hostile-input walk: every route registered under /api/v1 (read from the app's route table,
 * with the contract schemas each route was registered with, so a route added later is walked
 * without touching this file) gets requests that are valid everywhere except one place, which
 * holds a hostile value: NUL and other control characters, lone surrogates, decomposed, invisible
 * and direction-changing text, ids past the database's integer range, wrong types, huge and deeply
 * nested values; then whole bodies that are empty, malformed or of the wrong type. Signed-in routes
 * are walked as a superadmin (so requests reach the services and the database), public ones
 * anonymously. The pass condition: no answer is a 5xx.
 *
 * With CANBO_WALK_REPORT_DIR set, the number of requests is written to fuzz-walk.<engine>.txt there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RouteEntry } from '../src/http.ts';
import { testApp } from './app.ts';
import { login, type Session } from './http.ts';
import { makePerson, makePosition, makeUnit, makeUser, PASSWORD } from './factories.ts';
import { bodyValues, pathValues, queryValues, rawBodies } from './hostile.ts';
import { kindOf, placesOf, sample, type SampleOptions, withValueAt } from './samples.ts';
import {
  fillPath,
  makeMove,
  makeProgramme,
  makeScheme,
  makeStudy,
  makeTrainedClass,
  type TrainedClass,
} from './walk.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;

interface World extends TrainedClass {
  P: number;
  D: number;
  G: number;
  /** The unit the path ids aim at: restructured, renamed, dissolved by the walk as it goes. */
  G2: number;
  p: number;
  p2: number;
  pos: number;
  /** p2's move of 2020 from G2 into G. */
  move: number;
  user: number;
  grant: number;
  verifyCode: string;
  programme: number;
  study: number;
  scheme: number;
  schemeTarget: number;
}

let worlds = 0;
let other: { id: number } | undefined;

/** The rows the walk aims at; a fresh set for every write route, so one route's changes do not blunt the next. */
async function makeWorld(t: TestApp): Promise<World> {
  const { ctx } = t;
  const P = await makeUnit(ctx, { name: 'Tỉnh đoàn Đắk Nông', kind: 'province' });
  const D = await makeUnit(ctx, { name: 'Huyện đoàn Cư Jút', parentId: P, kind: 'district' });
  const G = await makeUnit(ctx, { name: 'Đoàn xã Ea Pô', parentId: D });
  const G2 = await makeUnit(ctx, { name: 'Đoàn xã Nam Dong', parentId: D });
  const p = await makePerson(ctx, { unitId: G, familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Hoa' });
  const p2 = await makePerson(ctx, { unitId: G, familyName: 'Y Bhin', middleName: null, givenName: 'Niê' });
  const pos = await makePosition(ctx, { personId: p2, unitId: G, title: 'secretary' });
  // one account for every world (making one hashes a password), with a grant in each
  other ??= await makeUser(ctx);
  const grant = (
    await t.db.kysely
      .insertInto('grants')
      .values({ user_id: other.id, unit_id: D, role: 'editor', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const verifyCode = `fuzz-walk-verify-code-${++worlds}`;
  const training = await makeTrainedClass(t, {
    organiserUnitId: P,
    name: 'Lớp bồi dưỡng bí thư chi đoàn',
    seatsFor: D,
    personId: p,
    verifyCode,
  });
  const programme = await makeProgramme(t);
  const study = await makeStudy(t, { personId: p2 });
  const move = await makeMove(t, { personId: p2, fromUnitId: G2, toUnitId: G });
  const scheme = await makeScheme(t, {
    unitId: P,
    code: `KH-FUZZ-${worlds}`,
    name: 'Kế hoạch bồi dưỡng cán bộ Đoàn',
    classId: training.cls,
  });
  return {
    P,
    D,
    G,
    G2,
    p,
    p2,
    pos,
    move,
    user: other.id,
    grant,
    ...training,
    verifyCode,
    programme,
    study,
    scheme: scheme.scheme,
    schemeTarget: scheme.target,
  };
}

/** An existing row for an id field, by the field's name ("personIds" → a person). */
function idFor(w: World): (name: string) => number {
  return (name) => {
    const n = name.toLowerCase();
    if (n.startsWith('person') || n === 'entityid') return w.p;
    if (n.startsWith('enrolment')) return w.enrolment;
    if (n.startsWith('session')) return w.session;
    if (n.startsWith('allocation')) return w.allocation;
    if (n.startsWith('programme')) return w.programme;
    if (n.startsWith('grant')) return w.grant;
    if (n.startsWith('user')) return w.user;
    if (n.startsWith('class')) return w.cls;
    if (n.startsWith('scheme')) return w.scheme;
    return w.D;
  };
}

/** A path parameter's value: the row the route's URL names by the segment before it. */
function pathValue(w: World, name: string, before: string): string {
  if (name === 'grantId') return String(w.grant);
  if (name === 'targetId') return String(w.schemeTarget);
  if (name === 'importKind') return 'people';
  // A report's name names no row: its query's unit is what the walk aims.
  if (name === 'reportName') return 'doi-ngu-can-bo';
  if (name === 'token') return 'fuzz-progress-token-0001';
  if (name === 'moveId') return String(w.move);
  if (name === 'code') return before === 'kinds' ? 'title' : w.verifyCode;
  // A title standard is named by its title and level, not a row id.
  if (name === 'title') return 'secretary';
  if (name === 'level') return 'district';
  const byRoute: Record<string, number> = {
    units: w.G2,
    people: w.p2,
    positions: w.pos,
    studies: w.study,
    users: w.user,
    classes: w.cls,
    sessions: w.session,
    allocations: w.allocation,
    enrolments: w.enrolment,
    certificates: w.certificate,
    programmes: w.programme,
    'certificate-patterns': w.P,
    schemes: w.scheme,
  };
  return String(byRoute[before] ?? w.D);
}

/**
 * Puts every row's optimistic-locking version back to 1 (what the samples send), so a change that
 * went through does not turn the route's later requests into "stale" refusals before they reach
 * the database.
 */
async function versionReset(t: TestApp): Promise<() => Promise<void>> {
  const q = t.db.kysely;
  const current =
    t.db.engine === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(q)).rows[0]?.s
      : undefined;
  const tables = (await q.introspection.getTables())
    .filter((x) => x.schema === current && x.columns.some((c) => c.name === 'version'))
    .map((x) => x.name);
  return async () => {
    for (const name of tables) await sql`update ${sql.table(name)} set version = 1 where version <> 1`.execute(q);
  };
}

const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One hostile request, described for the failure message. */
interface Shot {
  where: string;
  url: string;
  payload?: string | Buffer;
  type?: string;
}

const label = (v: unknown): string => {
  const s = (Array.isArray(v) && Array.isArray(v[0]) ? '[[…]]' : JSON.stringify(v)) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
};

let turn = 0;
const VALID = 'valid sample';

const isSchemaError = (res: LightMyRequestResponse) =>
  res.statusCode === 400 && Array.isArray(res.json<{ details?: { fields?: unknown } }>().details?.fields);

/** The requests of one route: one hostile place at a time, then its valid sample. */
function shotsOf(r: RouteEntry, w: World, o: SampleOptions): { shots: Shot[]; invalidBase: string[] } {
  const invalidBase: string[] = [];
  const segments = r.url.split('/');
  const params = fillPath(r.url, (name, before) => pathValue(w, name, before)).split('/');
  const urlWith = (p: string[], query: string) => p.join('/') + (query ? `?${query}` : '');

  // the query: its sample as strings, and each parameter in turn replaced by hostile strings
  const qs = r.querystring;
  const baseQuery = (qs ? (sample(qs, o) as Record<string, unknown> | undefined) : undefined) ?? {};
  if (qs && !qs.safeParse(baseQuery).success) invalidBase.push(`query ${JSON.stringify(baseQuery)}`);
  const encode = (q: Record<string, unknown>) =>
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
  const query = encode(baseQuery);

  const body = r.body;
  const baseBody = body ? sample(body, o) : undefined;
  if (body && !body.safeParse(baseBody).success) invalidBase.push(`body ${JSON.stringify(baseBody)}`);
  const json = (v: unknown) => JSON.stringify(v) ?? 'null';
  const withBody = (s: Omit<Shot, 'payload' | 'type'>): Shot =>
    WRITE.has(r.method) ? { ...s, payload: json(baseBody ?? {}), type: 'application/json' } : s;

  const shots: Shot[] = [];

  segments.forEach((s, i) => {
    if (!s.startsWith(':')) return;
    const schema = (r.params as z.ZodObject | undefined)?.shape[s.slice(1)];
    for (const v of pathValues(schema ? kindOf(schema) : 'text', turn++)) {
      const p = [...params];
      p[i] = v;
      shots.push(withBody({ where: `path ${s}=${label(v)}`, url: urlWith(p, query) }));
    }
  });

  if (qs) {
    for (const place of placesOf(qs)) {
      const key = String(place.path[0]);
      const rest = { ...baseQuery };
      delete rest[key];
      const others = encode(rest);
      const attacks = queryValues(place.kind, turn++).map((v) => `${encodeURIComponent(key)}=${v}`);
      // a repeated parameter arrives as a list
      if (turn % 3 === 0) attacks.push(`${key}=1&${key}=2`);
      for (const a of attacks) {
        shots.push(
          withBody({ where: `query ${label(a)}`, url: urlWith(params, [others, a].filter(Boolean).join('&')) }),
        );
      }
    }
    shots.push(
      withBody({ where: 'query unknown parameter', url: urlWith(params, [query, 'zz=%00'].filter(Boolean).join('&')) }),
    );
  }

  if (WRITE.has(r.method)) {
    const url = urlWith(params, query);
    if (body) {
      for (const place of placesOf(body)) {
        for (const v of bodyValues(place.kind, turn++)) {
          shots.push({
            where: `body ${place.path.join('.')}=${label(v)}`,
            url,
            payload: json(withValueAt(baseBody, body, place.path, v, o)),
            type: 'application/json',
          });
        }
      }
      if (baseBody && typeof baseBody === 'object') {
        shots.push({
          where: 'body unknown field',
          url,
          payload: json({ ...baseBody, zzUnknown: '\u0000', id: 3_000_000_000 }),
          type: 'application/json',
        });
      }
    }
    for (const raw of rawBodies(turn++))
      shots.push({ where: `body ${raw.label}`, url, payload: raw.payload, type: raw.type });
  }
  // last, as it is the request most likely to change something
  shots.push(withBody({ where: VALID, url: urlWith(params, query) }));
  return { shots, invalidBase };
}

describe('hostile-input walk over every route', () => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

  beforeAll(async () => {
    t = await testApp();
    w = await makeWorld(t);
    await makeUser(t.ctx, { login: 'fuzz.admin', superadmin: true });
    admin = await login(t.app, 'fuzz.admin', PASSWORD);
  });
  afterAll(() => t.close());

  it('answers no hostile request with a 5xx', { timeout: 300_000 }, async () => {
    const hints = { kindCode: 'title', code: 'title', ethnicityCode: '01' };
    const rank = (r: RouteEntry) => (r.public ? ORDER.length : ORDER.indexOf(r.method));
    const routes = [...t.app.routeTable].sort((a, b) => rank(a) - rank(b));
    expect(routes.length).toBeGreaterThan(50);

    const failures: string[] = [];
    const invalid: string[] = [];
    let requests = 0;
    let anonymous = 0;
    const resetVersions = await versionReset(t);
    for (const r of routes) {
      const writes = WRITE.has(r.method);
      const world = writes && !r.public ? await makeWorld(t) : w;
      const { shots, invalidBase } = shotsOf(r, world, { idFor: idFor(world), hints });
      invalid.push(...invalidBase.map((b) => `${r.method} ${r.url}: ${b}`));
      for (const shot of shots) {
        const send = (): Promise<LightMyRequestResponse> =>
          t.app.inject({
            method: r.method as 'GET',
            url: shot.url,
            // each anonymous request from its own address, so the login throttle lets them all through
            remoteAddress: r.public
              ? `10.${(anonymous >> 16) & 255}.${(anonymous >> 8) & 255}.${anonymous++ & 255}`
              : '127.0.0.1',
            headers: {
              ...(r.public ? {} : { cookie: admin.cookie, 'x-csrf-token': admin.csrf }),
              ...(shot.type ? { 'content-type': shot.type } : {}),
            },
            ...(shot.payload === undefined ? {} : { payload: shot.payload }),
          });
        const what = `${r.method} ${r.url} [${shot.where}]`;
        try {
          let res = await send();
          requests++;
          // a route that ended the walker's own session (logging out): sign in again and go on
          if (res.statusCode === 401 && !r.public) {
            admin = await login(t.app, 'fuzz.admin', PASSWORD);
            res = await send();
            requests++;
          }
          if (res.statusCode >= 500) failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 160)}`);
          if (shot.where === VALID && isSchemaError(res)) invalid.push(`${what} → ${res.body.slice(0, 200)}`);
          if (writes && res.statusCode < 300) await resetVersions();
        } catch (err) {
          // a streamed answer cut halfway: the server failed after the status line was sent
          requests++;
          failures.push(`${what} → ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    const line = `fuzz walk (${engine}): ${requests} requests over ${routes.length} routes, ${failures.length} with 5xx`;

    const dir = process.env.CANBO_WALK_REPORT_DIR;
    if (dir) writeFileSync(join(dir, `fuzz-walk.${engine}.txt`), `${line}\n`);
    expect(invalid, 'the walk could not build a valid sample: teach server/test/samples.ts the field').toEqual([]);
    expect(failures, line).toEqual([]);
  });
});
