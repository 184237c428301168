import type { ErrorCode } from '@canbo/contract';
import type { Lang } from './i18n/language.ts';
import { messages, type Words } from './i18n/messages.ts';
import { sentenceEn } from './i18n/sentences.ts';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  rate_limited: 429,
  internal: 500,
};

/**
 * The one error type. `message` is Vietnamese; a message from the catalogue (i18n/messages.ts) carries
 * its English too, and `messageIn(lang)` answers in the user's language. `details.field` names the
 * field when one is at fault.
 */
export class AppError extends Error {
  readonly statusCode: number;
  private readonly en: string | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string | Words,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.vi);
    this.en = typeof message === 'string' ? undefined : message.en;
    this.statusCode = STATUS[code];
  }

  /** The message in `lang`; a Vietnamese-only message is looked up in sentences.ts, else stays Vietnamese. */
  messageIn(lang: Lang): string {
    if (lang === 'vi') return this.message;
    return this.en ?? sentenceEn(this.message) ?? this.message;
  }

  /** The message in both languages (an import keeps a refusal as a row's finding, worded per request). */
  get words(): Words {
    return { vi: this.message, en: this.messageIn('en') };
  }
}

export const notFound = (what = 'Bản ghi') => new AppError('not_found', messages.notFound(what));
export const forbidden = (message: string | Words = messages.forbidden) => new AppError('forbidden', message);
export const invalid = (field: string, message: string | Words) => new AppError('validation', message, { field });
export const stale = () => new AppError('stale', messages.stale);

/** A rule's refusal (a checked error the user can act on), as opposed to a failure that must propagate. */
export function isRefusal(e: unknown): e is AppError {
  return e instanceof AppError && e.code !== 'internal';
}
