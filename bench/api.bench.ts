/**
 * API throughput under load, Canbo against a bare Fastify route in the same run (not part of `npm test`):
 *   npm run bench:api [-- --db postgres://postgres@127.0.0.1:5432/canbo_api --duration 10 --connections 100]
 * Loads the demo (`main.mjs demo`), then starts the server as `npm start` runs it (built by
 * scripts/build-server.mjs, `node server/dist/main.mjs serve`, default log level) on `--db` — a fresh
 * SQLite file by default; a PostgreSQL database must be empty (the demo is loaded) or hold the demo — and signs in as `--login` (the
 * province editor) with a cookie and the CSRF token, as the web app does. It reads one page of the
 * people list, then starts the bare route (bench/api.bare.ts: Fastify alone serving that JSON) in a
 * process of its own, and drives each target with autocannon at `--connections` for `--duration`
 * seconds after a short warm-up: the bare route, GET /api/v1/health, /auth/me and /people?pageSize=20.
 * Prints req/s, p50 and p99 latency and the share of the bare route's throughput, and the CPU time
 * the answering process spent per request (from /proc): on a machine shared with other work the
 * throughput follows the neighbours, the CPU per request much less, so the ratio of the bare
 * route's CPU per request to a target's is the share it would reach alone. `--only people`
 * runs one target (and the bare route); `--cpu-prof <dir>` starts the server with `--cpu-prof`, whose
 * profile it writes there when it stops. Target: the people list ≥ 30 % of bare with p99 < 250 ms.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../server/src/demo/load.users.ts';
import { machine } from './measure.ts';
import { freePort } from './serve.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '100' },
    login: { type: 'string', default: 'bantochuc' },
    password: { type: 'string', default: DEMO_PASSWORD },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});

const TARGET_SHARE = 0.3;
const TARGET_P99_MS = 250;
const duration = Number(values.duration);
const connections = Number(values.connections);
const dir = mkdtempSync(join(tmpdir(), 'canbo-api-bench-'));
const url = values.db ?? `sqlite:${join(dir, 'canbo.db')}`;
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until `probe` answers 2xx (a server just spawned). */
async function up(probe: string, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    if (child.exitCode !== null) throw new Error(`${probe}: the process stopped (${child.exitCode})`);
    const ok = await fetch(probe).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${probe} did not answer`);
}

const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error(`building the server failed (${built.status})`);

// The demo first, in a process of its own (nothing when the database holds it): the server's profile is then the load alone.
const demo = spawnSync(process.execPath, ['server/dist/main.mjs', 'demo'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: url },
});
if (demo.status !== 0) throw new Error(`loading the demo failed (${demo.status})`);

const port = await freePort();
const profArgs = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
const server = spawn(process.execPath, [...profArgs, 'server/dist/main.mjs', 'serve'], {
  // The log goes nowhere, but is written as in production (pino, LOG_LEVEL or info).
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(port), WEB_DIST: join(dir, 'no-web') },
});
children.push(server);
const base = `http://127.0.0.1:${port}/api/v1`;
await up(`${base}/health`, server);

const signIn = await fetch(`${base}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ login: values.login, password: values.password }),
});
if (!signIn.ok) throw new Error(`login ${values.login}: ${signIn.status} ${await signIn.text()}`);
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = (await signIn.json()) as { csrfToken: string };
const headers = { cookie, 'x-csrf-token': csrfToken };

const peoplePath = '/people?pageSize=20';
const page = await fetch(`${base}${peoplePath}`, { headers });
if (!page.ok) throw new Error(`people: ${page.status} ${await page.text()}`);
const bodyFile = join(dir, 'people.json');
const pageText = await page.text();
writeFileSync(bodyFile, pageText);

const barePort = await freePort();
const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/api.bare.ts', bodyFile, String(barePort)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
children.push(bare);
await up(`http://127.0.0.1:${barePort}/people`, bare);

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** The process answering it, whose CPU time is read. */
  pid: number;
}
const targets: Target[] = [
  {
    name: 'bare Fastify route (same JSON as the people list)',
    url: `http://127.0.0.1:${barePort}/people`,
    pid: bare.pid!,
  },
  { name: 'GET /api/v1/health', url: `${base}/health`, pid: server.pid! },
  { name: 'GET /api/v1/auth/me', url: `${base}/auth/me`, headers, pid: server.pid! },
  { name: `GET /api/v1${peoplePath} (${values.login})`, url: `${base}${peoplePath}`, headers, pid: server.pid! },
];
const only = values.only;
const chosen = only ? targets.filter((t, i) => i === 0 || t.name.includes(only)) : targets;

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time the answering process spent per request, in µs. */
  cpu: number;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, the 14th and 15th fields of the line, in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function load(t: Target, seconds: number): Promise<Measured> {
  const before = cpuSeconds(t.pid);
  const r = await autocannon({ url: t.url, connections, duration: seconds, headers: t.headers ?? {} });
  const cpu = (1e6 * (cpuSeconds(t.pid) - before)) / Math.max(1, r.requests.total);
  // A run that got errors or refusals measured something else than the answer.
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed) console.log(`${t.name}: ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} answers not 2xx`);
  return { name: t.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed, cpu };
}

console.log(`Canbo API benchmark — ${new Date().toISOString()}`);
console.log(`database ${values.db ? url.replace(/\/\/[^@/]*@/, '//') : 'a fresh SQLite file with the demo'}`);
console.log(`people page: ${pageText.length} bytes of JSON`);
console.log(`machine before: ${machine()}`);
console.log(`${connections} connections, ${duration} s per target after ${values.warmup} s of warm-up\n`);
const results: Measured[] = [];
for (const t of chosen) {
  await load(t, Number(values.warmup));
  results.push(await load(t, duration));
}
console.log(`machine after: ${machine()}\n`);

const bareRps = results[0]!.rps;
const pad = (s: string, n: number) => s.padStart(n);
const bareCpu = results[0]!.cpu;
console.log('| target | req/s | p50 ms | p99 ms | share of bare | server CPU µs/request | bare CPU / this | failed |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${pad(r.rps.toFixed(0), 6)} | ${pad(String(r.p50), 5)} | ${pad(String(r.p99), 5)} | ${pad(((100 * r.rps) / bareRps).toFixed(1), 5)} % | ${pad(r.cpu.toFixed(0), 5)} | ${pad(((100 * bareCpu) / r.cpu).toFixed(1), 5)} % | ${r.failed} |`,
  );
}
const people = results.find((r) => r.name.includes(peoplePath));
if (people) {
  const share = people.rps / bareRps;
  const met = share >= TARGET_SHARE && people.p99 < TARGET_P99_MS;
  console.log(
    `\npeople list: ${(100 * share).toFixed(1)} % of bare, p99 ${people.p99} ms — target ≥ ${100 * TARGET_SHARE} % and < ${TARGET_P99_MS} ms: ${met ? 'met' : 'NOT met'}`,
  );
}

// SIGTERM lets the server close (and write its CPU profile, when asked for one).
for (const c of children) c.kill('SIGTERM');
await Promise.all(children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r))));
if (results.some((r) => r.failed)) process.exitCode = 1;
