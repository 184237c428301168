import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageOf } from './language.ts';
import { sentenceEn, TRANSLATED_TEXTS } from './sentences.ts';

/** The text of every source file (tests aside) under a folder. */
function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.name.endsWith('.test.ts'))
    .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
    .join('\n');
}

describe('the English of the features’ refusals', () => {
  it('is kept for texts the sources still say (a reworded refusal is reworded in sentences.ts too)', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const all = `${sources(join(root, 'server', 'src'))}\n${sources(join(root, 'contract', 'src'))}`;
    const missing = TRANSLATED_TEXTS.filter((vi) => vi !== 'không tồn tại' && !all.includes(vi));
    expect(missing).toEqual([]);
  });

  it('words "Field: rule" messages with both parts known, and leaves the rest Vietnamese', () => {
    expect(sentenceEn('Ngày sinh: không được sau ngày hôm nay')).toBe('Date of birth: cannot be after today');
    expect(sentenceEn('Ngày sinh: một điều chưa dịch')).toBeNull();
    expect(sentenceEn('Một câu chưa dịch')).toBeNull();
  });
});

describe('the language of a request', () => {
  it('is the first of Vietnamese and English by preference, Vietnamese by default', () => {
    expect(languageOf(undefined)).toBe('vi');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-GB,en;q=0.9')).toBe('en');
    expect(languageOf('vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('vi');
    expect(languageOf('fr-FR,en;q=0.5,vi;q=0.9')).toBe('vi');
    expect(languageOf('de, en;q=0.3')).toBe('en');
    expect(languageOf('en;q=0, fr')).toBe('vi');
    expect(languageOf('ja')).toBe('vi');
  });
});
