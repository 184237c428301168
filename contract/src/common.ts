import { z } from 'zod';

/** Calendar dates travel as ISO `yyyy-mm-dd`; the web shows them as dd/mm/yyyy. */
export const isoDate = z.iso.date();
export const id = z.coerce.number().int().positive();
export const version = z.number().int().nonnegative();

/** Query-string paging shared by every list endpoint: no endpoint returns an unbounded list. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
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

/** Trimmed text with a length bound; empty strings become null for optional fields. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(max).nullable().optional(),
  );
