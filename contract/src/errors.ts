import { z } from 'zod';

/** Every error the API returns has this body: a stable code, a Vietnamese message, and details naming the field. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const errorCodes = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'stale',
  'rate_limited',
  'csrf',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
