import { zipSync } from 'fflate';

/** Files into one ZIP. PDFs are already compressed, so they are stored as they are. */
export function zipFiles(files: { name: string; data: Uint8Array }[]): Buffer {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [f.data, { level: 0 }];
  return Buffer.from(zipSync(entries));
}
