#!/usr/bin/env node
// `npm start`'s build: the web app and the server bundle are each rebuilt only when one of their
// sources is newer than the stamp their last build left (or the output is missing), so a restart
// without changes starts the server at once — the web build with its compressed copies takes 10–20 s
// on a busy machine. The check reads file times only (a few thousand stats, tens of milliseconds).
// `npm run build` still builds everything unconditionally.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp';

/** What each output is made from; a folder counts every file under it. */
export const parts = [
  {
    name: 'web',
    out: 'web/dist',
    made: 'web/dist/index.html',
    sources: [
      'web/src',
      'web/public',
      'web/index.html',
      'web/vite.config.ts',
      'web/vite.precompress.ts',
      'web/package.json',
      'contract/src',
      'contract/package.json',
      'package-lock.json',
    ],
    build: ['npm', ['run', 'build', '-w', 'web']],
  },
  {
    name: 'server',
    out: 'server/dist',
    made: 'server/dist/main.mjs',
    sources: [
      'server/src',
      'server/package.json',
      'contract/src',
      'contract/package.json',
      'scripts/build-server.mjs',
      'package-lock.json',
    ],
    build: [process.execPath, [join(root, 'scripts/build-server.mjs')]],
  },
];

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** Why the part must be built, or null when its last build is newer than every source. */
export function staleReason(part, at = root) {
  const stamp = join(at, part.out, STAMP);
  if (!existsSync(join(at, part.made)) || !existsSync(stamp)) return 'no previous build';
  const built = statSync(stamp).mtimeMs;
  const changed = part.sources.find((source) => newest(join(at, source)) > built);
  return changed ? `${changed} changed` : null;
}

function buildPart(part) {
  // Stamped with the time the build started: a file saved while it ran is newer, and rebuilt next time.
  const started = new Date();
  const [command, args] = part.build;
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const stamp = join(root, part.out, STAMP);
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const part of parts) {
    const reason = staleReason(part);
    if (reason) {
      console.log(`build: ${part.name} (${reason})`);
      buildPart(part);
    } else {
      console.log(`build: ${part.name} up to date`);
    }
  }
}
