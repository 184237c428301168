import { z } from 'zod';
import { fieldLabelOf, fieldLabels } from '@canbo/contract';
import { AppError, invalid } from '../errors.ts';

/**
 * Services are also called outside HTTP (demo loader, benchmark, imports), so they check their own
 * input with the same contract schemas; a bad value becomes the same 400 the route would give.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const label = fieldLabelOf((issue?.path ?? []).filter((p) => typeof p !== 'symbol'));
  throw new AppError('validation', `${label}: ${issue?.message ?? 'không hợp lệ'}`, { field });
}

/** A rule the schema cannot express, reported like a schema error: the field named, in Vietnamese. */
export function fieldError(field: string, message: string): AppError {
  return invalid(field, `${fieldLabels[field] ?? field}: ${message}`);
}
