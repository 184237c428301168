#!/usr/bin/env node
// Runs a benchmark as the server runs: built, without the TypeScript loader. `node
// scripts/bench-built.mjs bench/<name>.ts [args…]` builds the server (scripts/build-server.mjs: the
// heavy pool's worker entry among it), bundles the benchmark into bench/dist/<name>.mjs with the
// packages left to node_modules, and runs it with the arguments, from the repository's root. Why:
// run from the TypeScript sources, the process carries the loader and its transpiled copies of
// the sources (about 45 MB, scripts/build-server.mjs), which a benchmark of the server's memory
// must not count.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/bench-built.mjs bench/<name>.ts [args…]');

const server = spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
if (server.status !== 0) process.exit(server.status ?? 1);
const outfile = join(root, 'bench/dist', `${basename(entry, '.ts')}.mjs`);
// The workspace contract is compiled in (its package is TypeScript); the others load from node_modules.
const packages = ['package.json', 'server/package.json'].flatMap((file) => {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, file), 'utf8'));
  return Object.keys({ ...dependencies, ...devDependencies });
});
await build({
  entryPoints: [resolve(root, entry)],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: packages.filter((name) => name !== '@canbo/contract'),
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
