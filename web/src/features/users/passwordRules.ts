import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** A new password, as the server accepts it. `t` is the users namespace. */
export function passwordRules(t: TFunction<'users'>): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('required', { field: t('password').toLowerCase() }) },
    { min: 10, message: t('passwordHint') },
  ];
}

/** The password typed again: it must match the `password` field. */
export function passwordConfirmRules(t: TFunction<'users'>): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('required', { field: t('passwordConfirm').toLowerCase() }) },
    ({ getFieldValue }) => ({
      validator: (_, v: string | undefined) =>
        !v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch'))),
    }),
  ];
}
