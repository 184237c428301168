import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parts, staleReason, type Part } from '../../scripts/build-changed.mjs';

const web = parts.find((p) => p.name === 'web')!;
const server = parts.find((p) => p.name === 'server')!;

describe('npm start builds only what changed', () => {
  let at: string;
  afterEach(() => rmSync(at, { recursive: true, force: true }));

  /** A checkout with every source of the part written at `time` (seconds since the epoch). */
  function checkout(part: Part, time: number): void {
    at = mkdtempSync(join(tmpdir(), 'canbo-build-'));
    for (const source of part.sources) {
      const file = /\.[a-z]+$/.test(source) ? join(at, source) : join(at, source, 'a.ts');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'x');
      utimesSync(file, time, time);
      if (file !== join(at, source)) utimesSync(join(at, source), time, time);
    }
  }
  function built(part: Part, time: number): void {
    mkdirSync(join(at, part.out), { recursive: true });
    writeFileSync(join(at, part.made), 'built');
    writeFileSync(join(at, part.out, '.build-stamp'), '');
    utimesSync(join(at, part.out, '.build-stamp'), time, time);
  }

  it('builds on a fresh checkout, then not again until a source changes', () => {
    checkout(web, 1_000);
    expect(staleReason(web, at)).toBe('no previous build');
    built(web, 2_000);
    expect(staleReason(web, at)).toBeNull();
    utimesSync(join(at, 'web/src/a.ts'), 3_000, 3_000);
    expect(staleReason(web, at)).toBe('web/src changed');
  });

  it('rebuilds the server when the contract it bundles changes, or its output is gone', () => {
    checkout(server, 1_000);
    built(server, 2_000);
    expect(staleReason(server, at)).toBeNull();
    writeFileSync(join(at, 'contract/src/new.ts'), 'x');
    expect(staleReason(server, at)).toBe('contract/src changed');
    built(server, Date.now() / 1000 + 10);
    expect(staleReason(server, at)).toBeNull();
    rmSync(join(at, server.made));
    expect(staleReason(server, at)).toBe('no previous build');
  });
});
