import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './port.ts';

/**
 * The built server (as `npm start` runs it) starts without the document libraries: Word (docx) and
 * spreadsheets (ExcelJS) are loaded by the first job that needs them, not by every start — loading
 * ExcelJS alone was a fifth of a start's CPU. Node's module hooks record every module the process
 * loads until it answers /health; a package left out is one whose entry never went through them.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const LAZY = ['docx', 'exceljs'];

/** A module hook that appends every module's address to the file named in LOADED_LOG. */
const RECORDER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + '\\\\n');
  return next(url, context);
}\`));
`;

describe('the built server at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'canbo-start-'));
  const dist = join(ROOT, 'node_modules/.cache', `canbo-start-${randomBytes(4).toString('hex')}`);
  let server: ChildProcess | undefined;

  afterAll(() => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  it('does not load docx or ExcelJS', { timeout: 90_000 }, async () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs'), dist], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const recorder = join(dir, 'recorder.mjs');
    const log = join(dir, 'loaded.log');
    writeFileSync(recorder, RECORDER);
    writeFileSync(log, '');

    const port = await freePort();
    server = spawn(process.execPath, ['--import', pathToFileURL(recorder).href, join(dist, 'main.mjs'), 'serve'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, 'canbo.db')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIST: join(dir, 'no-web'),
        LOG_LEVEL: 'error',
        LOADED_LOG: log,
      },
    });
    let stderr = '';
    server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    for (let up = false; !up;) {
      expect(server.exitCode, stderr).toBeNull();
      up = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 50));
    }

    const packages = new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []),
    );
    // The hooks saw the packages a start does need: what they did not see was not loaded.
    expect(packages).toContain('fastify');
    expect(packages).toContain('kysely');
    expect(LAZY.filter((name) => packages.has(name))).toEqual([]);
  });
});
