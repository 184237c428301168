import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabelOf, type ErrorBody } from '@canbo/contract';
import { AppError } from './errors.ts';
import { bodyTooLargeMessage } from './body.limits.ts';

function label(path: string): string {
  return fieldLabelOf(path.split('/').filter(Boolean));
}

/**
 * The one mapping from anything thrown to an HTTP status and `{ code, message, details }`.
 * Validation messages name the field in Vietnamese; `details.field` is the machine name.
 * `bodyLimit` is the route's, named when a body is refused for its size.
 */
export function errorBody(err: unknown, bodyLimit?: number): { status: number; body: ErrorBody } {
  if (err === null) return { status: 404, body: { code: 'not_found', message: 'Không tìm thấy địa chỉ này' } };
  if (err instanceof AppError) {
    return { status: err.statusCode, body: { code: err.code, message: err.message, details: err.details } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => {
      const field = v.instancePath.split('/').filter(Boolean).join('.');
      return { field, message: `${label(v.instancePath)}: ${v.message}` };
    });
    const first = fields[0];
    return {
      status: 400,
      body: {
        code: 'validation',
        message: first ? first.message : 'Dữ liệu không hợp lệ',
        details: { field: first?.field, fields },
      },
    };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { code: 'validation', message: bodyTooLargeMessage(bodyLimit), details: { limit: bodyLimit } },
    };
  }
  if (
    e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return { status: 400, body: { code: 'validation', message: 'Dữ liệu gửi lên không đúng định dạng JSON' } };
  }
  if (e.statusCode === 400 && e.code?.startsWith('FST_')) {
    return { status: 400, body: { code: 'validation', message: 'Yêu cầu không hợp lệ' } };
  }
  if (e.statusCode === 429) {
    return { status: 429, body: { code: 'rate_limited', message: 'Quá nhiều yêu cầu, hãy thử lại sau' } };
  }
  // Unique constraint races that a service's own check could not see.
  if (/unique|duplicate key/i.test(e.message ?? '')) {
    return { status: 409, body: { code: 'conflict', message: 'Dữ liệu bị trùng với bản ghi đã có' } };
  }
  // A row deleted by someone else while this request referred to it (a session removed while its
  // attendance was being marked): PostgreSQL 23503, SQLite SQLITE_CONSTRAINT_FOREIGNKEY.
  if (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      status: 409,
      body: { code: 'conflict', message: 'Dữ liệu liên quan vừa được người khác thay đổi. Hãy tải lại rồi thử lại.' },
    };
  }
  return { status: 500, body: { code: 'internal', message: 'Lỗi hệ thống, hãy thử lại hoặc báo quản trị viên' } };
}
