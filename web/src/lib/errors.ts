import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../api/client';

/**
 * Put a server validation error on the form field it names, so the message appears where the
 * user typed; returns false when the error is not about a field (show it as a notification).
 */
export function showFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const fields = Array.isArray(err.details.fields)
    ? (err.details.fields as { field: string; message: string }[])
    : err.field
      ? [{ field: err.field, message: err.message }]
      : [];
  const present = form.getFieldsValue(true) as Record<string, unknown>;
  const known = fields.filter((f) => f.field && f.field.split('.')[0]! in present);
  if (!known.length) return false;
  form.setFields(known.map((f) => ({ name: namePath(f.field), errors: [f.message] })));
  return true;
}

/** A dotted field name as the form's path: list indexes are numbers ("targets.0.total" → targets[0].total). */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A refused save: on the field it names when the form has it, otherwise as a message. */
export function reportError(form: FormInstance, message: MessageInstance, err: unknown): void {
  if (!showFieldErrors(form, err)) void message.error(errorMessage(err));
}
