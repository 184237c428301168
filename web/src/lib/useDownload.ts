import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';

/**
 * A document the server builds (a roster, a sign-in sheet, a summons) may take a few seconds: the
 * button that asked spins and a message says it is coming. `busy` names the button that asked.
 */
export function useDownload() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  /** Resolves false when the server refused; the refusal is shown unless `rethrow` wants it back. */
  const run = async (key: string, start: () => Promise<void>, rethrow = false) => {
    setBusy(key);
    const hide = message.loading(t('download.preparing'), 0);
    try {
      await start();
      return true;
    } catch (err) {
      if (rethrow) throw err;
      void message.error(errorMessage(err));
      return false;
    } finally {
      hide();
      setBusy(null);
    }
  };
  return { busy, run };
}
