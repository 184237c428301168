import { z } from 'zod';
import { fieldLabelOf, fieldLabels, fieldLabelsEn } from '@canbo/contract';
import { AppError, invalid } from '../errors.ts';
import type { Words } from '../i18n/messages.ts';
import { clauseEn } from '../i18n/sentences.ts';
import { issueEn } from '../i18n/zodIssue.ts';

/**
 * Services are also called outside HTTP (demo loader, benchmark, imports), so they check their own
 * input with the same contract schemas; a bad value becomes the same 400 the route would give.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const path = (issue?.path ?? []).filter((p) => typeof p !== 'symbol');
  throw new AppError(
    'validation',
    {
      vi: `${fieldLabelOf(path)}: ${issue?.message ?? 'không hợp lệ'}`,
      en: `${fieldLabelOf(path, 'en')}: ${issue ? issueEn(issue) : 'invalid'}`,
    },
    { field },
  );
}

/**
 * A rule the schema cannot express, reported like a schema error: the field named, in both languages.
 * A clause with names or numbers in it comes in both (`{ vi, en }`); a fixed one is looked up in sentences.ts.
 */
export function fieldError(field: string, message: string | Words): AppError {
  const clause = typeof message === 'string' ? clauseEn(message) : message.en;
  const vi = `${fieldLabels[field] ?? field}: ${typeof message === 'string' ? message : message.vi}`;
  return invalid(field, clause ? { vi, en: `${fieldLabelsEn[field] ?? field}: ${clause}` } : vi);
}
