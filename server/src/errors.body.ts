import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabelOf, type ErrorBody } from '@canbo/contract';
import { AppError } from './errors.ts';
import { bodyTooLargeMessage } from './body.limits.ts';
import type { Lang } from './i18n/language.ts';
import { messages, type Words } from './i18n/messages.ts';
import { issueEn, type Issue } from './i18n/zodIssue.ts';

function label(path: string, lang: Lang): string {
  return fieldLabelOf(path.split('/').filter(Boolean), lang);
}

/** A validation error as fastify-type-provider-zod hands it over: the issue spread into `params`. */
interface ZodValidation {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function issueMessage(v: ZodValidation, lang: Lang): string {
  if (lang === 'vi') return v.message ?? '';
  return issueEn({ ...v.params, code: v.keyword, message: v.message ?? '', path: [] } as unknown as Issue);
}

/**
 * The one mapping from anything thrown to an HTTP status and `{ code, message, details }`, in the
 * user's language (`lang`, from the request's Accept-Language). Validation messages name the field;
 * `details.field` is the machine name. `bodyLimit` is the route's, named when a body is refused for its size.
 */
export function errorBody(err: unknown, bodyLimit?: number, lang: Lang = 'vi'): { status: number; body: ErrorBody } {
  const say = (w: Words) => w[lang];
  if (err === null) return { status: 404, body: { code: 'not_found', message: say(messages.noSuchAddress) } };
  if (err instanceof AppError) {
    return { status: err.statusCode, body: { code: err.code, message: err.messageIn(lang), details: err.details } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = (err.validation as ZodValidation[]).map((v) => {
      const field = v.instancePath.split('/').filter(Boolean).join('.');
      return { field, message: `${label(v.instancePath, lang)}: ${issueMessage(v, lang)}` };
    });
    const first = fields[0];
    return {
      status: 400,
      body: {
        code: 'validation',
        message: first ? first.message : say(messages.invalidData),
        details: { field: first?.field, fields },
      },
    };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { code: 'validation', message: say(bodyTooLargeMessage(bodyLimit)), details: { limit: bodyLimit } },
    };
  }
  if (
    e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return { status: 400, body: { code: 'validation', message: say(messages.invalidJson) } };
  }
  if (e.statusCode === 400 && e.code?.startsWith('FST_')) {
    return { status: 400, body: { code: 'validation', message: say(messages.badRequest) } };
  }
  if (e.statusCode === 429) {
    return { status: 429, body: { code: 'rate_limited', message: say(messages.tooManyRequests) } };
  }
  // Unique constraint races that a service's own check could not see.
  if (/unique|duplicate key/i.test(e.message ?? '')) {
    return { status: 409, body: { code: 'conflict', message: say(messages.duplicate) } };
  }
  // A row deleted by someone else while this request referred to it (a session removed while its
  // attendance was being marked): PostgreSQL 23503, SQLite SQLITE_CONSTRAINT_FOREIGNKEY.
  if (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { status: 409, body: { code: 'conflict', message: say(messages.relatedChanged) } };
  }
  return { status: 500, body: { code: 'internal', message: say(messages.internal) } };
}
