import type { ErrorCode } from '@canbo/contract';

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
 * The one error type. `message` is Vietnamese and shown to users as is; `details.field` names
 * the field when one is at fault.
 */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what = 'Bản ghi') =>
  new AppError('not_found', `${what} không tồn tại hoặc bạn không có quyền xem`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này') => new AppError('forbidden', message);
export const invalid = (field: string, message: string) => new AppError('validation', message, { field });
export const stale = () =>
  new AppError('stale', 'Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.');

/** A rule's refusal (a checked error the user can act on), as opposed to a failure that must propagate. */
export function isRefusal(e: unknown): e is AppError {
  return e instanceof AppError && e.code !== 'internal';
}
