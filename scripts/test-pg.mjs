#!/usr/bin/env node
// Runs the server's vitest suite against PostgreSQL: each test file gets a schema of its own on the
// server named by TEST_DATABASE_URL (see server/test/app.ts). Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');

// A clear word up front beats every test file failing on the same refused connection.
const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await probe.connect();
  await probe.query('select 1');
  // Test files migrate their own schemas in parallel; on a new database they would race to create the
  // extension the migrations ask for, so it is made once here first.
  await probe.query('create extension if not exists pg_trgm with schema public');
} catch (err) {
  console.error(`test:pg: cannot reach PostgreSQL at ${url}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
} finally {
  await probe.end().catch(() => {});
}

console.log(`test:pg — TEST_DATABASE_URL=${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
const run = spawnSync(process.execPath, [vitest, 'run', 'server', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
if (run.error) {
  console.error(run.error.message);
  process.exit(1);
}
process.exit(run.status ?? 1);
