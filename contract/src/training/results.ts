import { z } from 'zod';
import { id, optionalMultilineText, version } from '../common.ts';
import { grade, outcome } from '../enums.ts';

// Training: results. Paths are under /api/v1/training unless noted.

/** PUT /training/classes/:id/results — scores and grades for many trainees at once. */
export const resultsInput = z.object({
  results: z
    .array(
      z.object({
        enrolmentId: id,
        score: z.number().min(0).max(10).nullable().optional(),
        grade: grade.nullable().optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export const resultsSaved = z.object({ changed: z.number().int() });
/** POST /training/enrolments/:id/override — staff decide the outcome against the rule; null clears. */
export const outcomeOverride = z.object({ version, outcome: outcome.nullable(), reason: optionalMultilineText(500) });
/** The answer to an override: the enrolment's outcome as it now stands, beside what the rule gives. */
export const overrideResult = z.object({
  enrolmentId: z.number().int(),
  outcome: outcome.nullable(),
  ruleOutcome: outcome.nullable(),
  outcomeOverridden: z.boolean(),
  overrideReason: z.string().nullable(),
  version: z.number().int(),
});
export type OverrideResult = z.infer<typeof overrideResult>;
