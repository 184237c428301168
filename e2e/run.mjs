#!/usr/bin/env node
// Browser tests against the real app: a fresh SQLite file with the demo organisation, the real server
// on a free port serving the built web app, and Debian's Chromium driven by playwright-core from vitest
// (e2e/vitest.config.ts). Arguments go to vitest (e.g. a reporter). Exit code is vitest's.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDist = join(root, 'web', 'dist');
const resultsDir = join(root, 'e2e', 'results');
const serverLog = join(resultsDir, 'server.log');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`e2e: ${chromium} not found — install Debian's chromium (apt-get install -y chromium)`);
  process.exit(1);
}

if (!existsSync(join(webDist, 'index.html'))) {
  console.log('e2e: web/dist missing, building the web app');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => res(port));
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'canbo-e2e-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
mkdirSync(resultsDir, { recursive: true });
// Screenshots of this run only; `documents/` holds the pages the server suite rendered (run before this one).
const shots = join(root, 'e2e', 'screenshots');
for (const name of existsSync(shots) ? readdirSync(shots) : []) {
  if (name !== 'documents') rmSync(join(shots, name), { recursive: true, force: true });
}
const log = createWriteStream(serverLog);

// The server as `npm start` runs it: built from the sources of this checkout (about a second).
const builtServer = spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (builtServer.status !== 0) process.exit(builtServer.status ?? 1);
// Its own process group, so that stopping it stops whatever it started too.
const server = spawn(process.execPath, [join(root, 'server/dist/main.mjs'), 'serve', '--demo-if-empty'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    DATABASE_URL: `sqlite:${join(tmp, 'canbo.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    WEB_DIST: webDist,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  },
});
server.stdout.pipe(log);
server.stderr.pipe(log);
let serverExited = false;
server.on('exit', () => (serverExited = true));

function stopServer() {
  if (serverExited || server.pid === undefined) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

async function finish(code) {
  stopServer();
  const deadline = Date.now() + 10_000;
  while (!serverExited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!serverExited && server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

function tailLog() {
  try {
    return readFileSync(serverLog, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}

process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));

// The first start migrates and loads the demo organisation, which hashes passwords: allow time.
const started = Date.now();
let healthy = false;
while (Date.now() - started < 180_000 && !serverExited) {
  try {
    const res = await fetch(`${baseUrl}/api/v1/health`);
    if (res.ok) {
      healthy = true;
      break;
    }
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 250));
}
if (!healthy) {
  console.error(`e2e: server did not become healthy at ${baseUrl}\n--- server log (tail) ---\n${tailLog()}`);
  await finish(1);
}
console.log(`e2e: server up at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)}s (log: ${serverLog})`);

const vitest = spawn(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // The database file too: a test may set a moment no browser can choose (when a certificate was revoked).
    env: { ...process.env, CANBO_E2E_URL: baseUrl, CANBO_E2E_DATABASE: join(tmp, 'canbo.db'), CHROMIUM_PATH: chromium },
  },
);
const code = await new Promise((res) => vitest.on('exit', (c, signal) => res(c ?? (signal ? 1 : 0))));
if (code !== 0) console.error(`--- server log (tail) ---\n${tailLog()}`);
await finish(code);
