import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; images and fonts (woff2) are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|ico|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The text files under `dir`, at any depth. */
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return COMPRESSIBLE.test(name) ? [path] : [];
  });
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, at the
 * highest levels: done once here, the server sends the copy the browser accepts (server/src/web.ts)
 * without compressing anything per request.
 */
export async function compressFiles(dir: string): Promise<number> {
  const files = textFiles(dir)
    .map((path) => ({ path, bytes: readFileSync(path) }))
    .filter((f) => f.bytes.length >= MIN_BYTES);
  // All at once: zlib works in Node's thread pool, so the files are compressed on every core.
  await Promise.all(
    files.map(async ({ path, bytes }) => {
      const params = {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      };
      await writeFile(`${path}.br`, await brotli(bytes, { params }));
      await writeFile(`${path}.gz`, await gz(bytes, { level: constants.Z_BEST_COMPRESSION }));
    }),
  );
  return files.length;
}

/** The vite step: compresses the output folder once the build has written it. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'canbo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await compressFiles(outDir);
    },
  };
}
