import { useState } from 'react';
import { Alert, App, Button, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage, showFieldErrors } from './errors';

/**
 * Saving an edit form that carries the record's `version`: field errors land on their fields, any
 * other error is a message, and a 409 "stale" (someone saved in between) turns into the warning
 * below, which reloads the record rather than overwriting the other person's change.
 */
export function useVersionedSave(form: FormInstance, onSaved?: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [stale, setStale] = useState(false);
  const save = async (send: () => Promise<unknown>): Promise<void> => {
    try {
      await send();
      void message.success(t('common:saved'));
      onSaved?.();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale') setStale(true);
      else if (!showFieldErrors(form, err)) void message.error(errorMessage(err));
    }
  };
  return { stale, save, clearStale: () => setStale(false) };
}

/** The warning shown while the form holds a stale version, with the button that reloads it. */
export function StaleAlert({ stale, onReload }: { stale: boolean; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  if (!stale) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('common:error.stale')}
      style={{ marginBottom: 16 }}
      action={
        <Button size="small" onClick={() => void onReload()}>
          {t('common:action.reload')}
        </Button>
      }
    />
  );
}
