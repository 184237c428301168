import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../lib/useDownload';

/** "Xuất Excel" of a list: spins while the server builds the file; a refusal is shown as a message. */
export function ExportButton({ onExport, disabled }: { onExport: () => Promise<void>; disabled?: boolean }) {
  const { t } = useTranslation();
  const dl = useDownload();
  return (
    <Button
      icon={<DownloadOutlined />}
      disabled={disabled}
      loading={dl.busy === 'export'}
      onClick={() => void dl.run('export', onExport)}
    >
      {t('common:action.export')}
    </Button>
  );
}
