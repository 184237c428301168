import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../lib/errors';

/**
 * Server errors onto the form. Paths into lists ("into.1.name") need numeric indexes for antd to
 * find the field, which the shared helper does not do; everything else goes through it.
 */
export function putServerErrors(form: FormInstance, err: unknown): boolean {
  if (err instanceof ApiError && err.field && /\.\d+(\.|$)/.test(err.field)) {
    const name = err.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    form.setFields([{ name, errors: [err.message] }]);
    return true;
  }
  return showFieldErrors(form, err);
}
