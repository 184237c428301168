#!/usr/bin/env node
// Builds the server into server/dist: main.mjs (the `canbo` command line) and worker.mjs (the heavy
// pool's thread entry), with the contract and every server module bundled in and the npm packages
// left to node_modules. Why: run from the TypeScript sources, every thread carries the TypeScript
// loader and its transpiled copies of the sources — measured in bench:heavy, about 45 MB in the
// request thread and 50 MB in each worker thread — which the server does not need once built.
// Lazy imports stay lazy (split into chunks), so a thread loads the PDF, Word or spreadsheet code
// only when a job needs it. Takes about a second; `npm start`, `npm run canbo` and the browser
// tests build first.
import { build } from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'server');
// Another folder may be given (the kill -9 test builds its own copy, leaving server/dist alone); it
// must lie inside the repository, so that the packages left out are found in its node_modules.
const out = process.argv[2] ? resolve(process.argv[2]) : join(server, 'dist');
const { dependencies } = JSON.parse(readFileSync(join(server, 'package.json'), 'utf8'));

// Not emptied first: a server already running from server/dist keeps loading its lazy chunks from
// there, and a chunk's name is a hash of its content, so an unchanged chunk is rewritten in place.
await build({
  entryPoints: { main: join(server, 'src/main.ts'), worker: join(server, 'src/workers/worker.run.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The workspace contract is compiled in; packages are loaded from node_modules as they are.
  external: Object.keys(dependencies).filter((name) => name !== '@canbo/contract'),
  logLevel: 'warning',
});
// Files the code reads beside itself (`new URL('./data/…', import.meta.url)`): the chunks sit in
// server/dist, so the data folder goes there too.
cpSync(join(server, 'src/db/migrations/data'), join(out, 'data'), { recursive: true });
