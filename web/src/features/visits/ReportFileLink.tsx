import { Button } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { routes, type VisitTrip } from '@canbo/contract';
import { download } from '../../api/client';
import { useDownload } from '../../lib/useDownload';

/** The report's attachment as a link that downloads it under its own name. */
export function ReportFileLink({ trip }: { trip: VisitTrip }) {
  const { t } = useTranslation('visits');
  const dl = useDownload();
  if (!trip.reportFile) return null;
  const { name } = trip.reportFile;
  return (
    <Button
      type="link"
      size="small"
      icon={<PaperClipOutlined />}
      loading={dl.busy === 'file'}
      aria-label={t('downloadFile', { name })}
      style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
      onClick={() => void dl.run('file', () => download(routes.visits.reportFile, { params: { id: trip.id } }, name))}
    >
      {name}
    </Button>
  );
}
