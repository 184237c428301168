import { z } from 'zod';
import { clauseEn } from './sentences.ts';

/** What a zod issue holds once parsed (the input itself is not kept). */
export type Issue = z.core.$ZodIssue;

const EN = z.locales.en().localeError;
const VI = z.locales.vi().localeError;

function render(map: z.core.$ZodErrorMap, issue: Issue): string | undefined {
  const out = map(issue as never);
  return typeof out === 'string' ? out : out?.message;
}

/**
 * A zod issue in English. The server's zod speaks Vietnamese (app.ts); the English of its own
 * messages comes from zod's English locale, the contract's rule messages from sentences.ts. A rule
 * message with no English stays Vietnamese rather than become zod's generic words.
 */
export function issueEn(issue: Issue): string {
  const known = clauseEn(issue.message);
  if (known) return known;
  if (issue.code === 'custom') return issue.message;
  // The parsed issue no longer holds the input, so zod would say "received undefined".
  if (issue.code === 'invalid_type') return `Invalid input: expected ${issue.expected}`;
  if (render(VI, issue) !== issue.message) return issue.message;
  return render(EN, issue) ?? issue.message;
}
