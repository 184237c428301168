import { fieldLabels, fieldLabelsEn } from '@canbo/contract';
import type { z } from 'zod';
import type { ReadFormRow } from '../../documents/xlsx/headed.ts';
import { AppError, isRefusal } from '../../errors.ts';
import type { Words } from '../../i18n/messages.ts';
import { readDate, readWord, type Read } from './cells.ts';
import { REQUIRED, issueWords, type Finding } from './findings.ts';
import { cellsOf, hasError, whoIs, type Issues, type PersonFound } from './lookups.ts';
import type { StoredPerson } from './lookups.repository.ts';

export const YES = 'Có';
export const NO = 'Không';
const YES_NO = { yes: YES, no: NO } as const;

/**
 * One sheet row being read: its cells (over-long ones refused), the values read so far by field,
 * and its findings, each on the column it is about. The kinds read their rows with it.
 */
export class RowReader<K extends string> {
  readonly cells: Partial<Record<K, string>>;
  readonly issues: Finding[] = [];
  readonly input: Record<string, unknown> = {};
  private readonly refused = new Set<K | null>();

  constructor(
    readonly r: ReadFormRow,
    keys: readonly K[],
    private readonly make: Issues<K>,
  ) {
    this.cells = cellsOf(r, keys, (key, message) => this.fail(key, message));
  }

  get row(): number {
    return this.r.row;
  }

  fail(key: K | null, message: Words, ids: number[] = []): void {
    this.refused.add(key);
    this.issues.push(this.make.error(this.r.row, key, message, ids));
  }

  warn(key: K | null, message: Words, ids: number[] = []): void {
    this.issues.push(this.make.warning(this.r.row, key, message, ids));
  }

  get failed(): boolean {
    return hasError(this.issues);
  }

  /** A value read from the cell into `field` (the column's key unless said), or its refusal. */
  take<T>(key: K, read: Read<T>, field: string = key): void {
    if ('error' in read) this.fail(key, read.error);
    else this.input[field] = read.value;
  }

  text(key: K, field: string = key): void {
    const v = this.cells[key];
    if (v) this.input[field] = v;
  }

  date(key: K, field: string = key): void {
    const v = this.cells[key];
    if (v) this.take(key, readDate(v), field);
  }

  word<C extends string>(key: K, labels: Record<C, string>, field: string = key): void {
    const v = this.cells[key];
    if (v) this.take(key, readWord(v, labels), field);
  }

  yesNo(key: K, field: string = key): void {
    const v = this.cells[key];
    if (!v) return;
    const yes = readWord(v, YES_NO);
    if ('error' in yes) this.fail(key, yes.error);
    else this.input[field] = yes.value === 'yes';
  }

  required(...keys: K[]): void {
    for (const key of keys) if (!this.cells[key]) this.fail(key, REQUIRED);
  }

  /**
   * The values read, through the API's own schema (NFC, limits, its messages in both languages); a refusal
   * lands on the column of its field (`keyOf` maps a field to its column when they differ).
   */
  parse<S extends z.ZodType>(schema: S, keyOf: (field: string) => K = (f) => f as K): z.output<S> | null {
    const parsed = schema.safeParse(this.input);
    if (parsed.success) return parsed.data;
    for (const i of parsed.error.issues) {
      const key = keyOf(String(i.path[0] ?? ''));
      // A cell already refused (a date not on the calendar) is not refused twice.
      if (!this.refused.has(key)) this.fail(key, issueWords(i));
    }
    return null;
  }
}

/** A feature's refusal as a sheet finding: the field it names, its message, the record it conflicts with. */
export interface Refusal {
  field: string | null;
  message: Words;
  ids: number[];
}

/**
 * A feature's own check (its service's rule, run without writing): its answer, or its refusal
 * without the field's label the message starts with (the sheet's column already says it).
 * Anything else is no refusal: it propagates.
 */
export async function underRule<T>(check: () => Promise<T>): Promise<{ ok: T } | { refused: Refusal }> {
  try {
    return { ok: await check() };
  } catch (e) {
    if (!isRefusal(e)) throw e;
    return { refused: findingOf(e) };
  }
}

/**
 * A feature's refusal as a row's finding: the field it names, its message without the field's
 * label it starts with (the column already says it), and the record it conflicts with.
 */
export function findingOf(e: AppError): Refusal {
  const field = typeof e.details?.field === 'string' ? e.details.field : null;
  const unlabelled = (text: string, labels: Record<string, string>) => {
    const label = field ? `${labels[field] ?? field}: ` : null;
    return label && text.startsWith(label) ? text.slice(label.length) : text;
  };
  const { vi, en } = e.words;
  const ids = typeof e.details?.conflictWith === 'number' ? [e.details.conflictWith] : [];
  return { field, message: { vi: unlabelled(vi, fieldLabels), en: unlabelled(en, fieldLabelsEn) }, ids };
}

/**
 * A feature's own check of one row: its answer, or null when refused — the refusal becomes the row's
 * finding, on the column of the field it names (`keyOf`).
 */
export async function ruleCheck<K extends string, T>(
  reader: RowReader<K>,
  keyOf: (field: string) => K | null,
  check: () => Promise<T>,
): Promise<{ ok: T } | null> {
  const answer = await underRule(check);
  if ('ok' in answer) return answer;
  const { field, message, ids } = answer.refused;
  reader.fail(field ? keyOf(field) : null, message, ids);
  return null;
}

/**
 * The person a row names, if the actor may write their records (or, with `own`, it is the actor's
 * own record); else the row's finding on the column that named them.
 */
export function writablePerson<K extends string>(
  reader: RowReader<K | 'nationalId' | 'fullName'>,
  found: PersonFound,
  own: number | null = null,
): StoredPerson | null {
  if ('error' in found) {
    reader.fail(found.key, found.error, found.ids);
    return null;
  }
  const p = found.person;
  if (p.writable !== 1 && p.id !== own) {
    const key = reader.cells.nationalId ? 'nationalId' : 'fullName';
    const who = whoIs(p);
    reader.fail(
      key,
      {
        vi: `Bạn không có quyền cập nhật hồ sơ của ${who.name.vi}`,
        en: `You are not allowed to update the record of ${who.name.en}`,
      },
      who.ids,
    );
    return null;
  }
  return p;
}
