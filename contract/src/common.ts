import { z } from 'zod';

export {
  line,
  multilineText,
  normaliseText,
  optionalMultilineText,
  optionalText,
  passwordText,
  searchTerm,
  text,
  textProblem,
} from './text.ts';

/**
 * The largest value an `integer` column holds on PostgreSQL (SQLite holds more): every id and every
 * count a request carries stays within it, so a number past it is a 400, not a database error.
 */
export const MAX_INT = 2_147_483_647;

/**
 * Calendar dates travel as ISO `yyyy-mm-dd`; the web shows them as dd/mm/yyyy. Years are bounded
 * to what the Union's records can hold (PostgreSQL refuses year 0, and date arithmetic past 9999
 * leaves the format).
 */
export const isoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', 'phải trong khoảng từ năm 1900 đến năm 2199');

/** Every id, in a path, a query or a body: a positive integer within the database's integer range. */
export const id = z.coerce
  .number()
  .int('phải là số nguyên')
  .min(1, 'phải là số nguyên dương')
  .max(MAX_INT, `không được lớn hơn ${MAX_INT}`);
export const version = z.number().int().min(0).max(MAX_INT);
/** The version a write saw, where it comes in the query (an upload's body is the file). */
export const queryVersion = z.coerce.number().int().min(0).max(MAX_INT);

/** Query-string paging shared by every list endpoint: no endpoint returns an unbounded list. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_INT).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const idParams = z.object({ id });
