import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { useInvalidateUnits } from '../api';
import { putServerErrors } from './formErrors';

/**
 * A restructuring or edit sent to the server: on success the tree, lists and pages are refreshed;
 * a stale version says someone else changed the unit; other errors land on their field.
 */
export function useUnitAction<V, R>(
  form: FormInstance,
  send: (values: V) => Promise<R>,
  opts: { onDone?: (result: R) => void; successText?: string } = {},
) {
  const { t } = useTranslation('units');
  const { message } = App.useApp();
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      await invalidate();
      void message.success(opts.successText ?? t('action.done'));
      opts.onDone?.(result);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'stale') {
        void message.error(t('common:error.stale'));
        void invalidate();
        return;
      }
      if (!putServerErrors(form, err)) void message.error(errorMessage(err));
    },
  });
}
