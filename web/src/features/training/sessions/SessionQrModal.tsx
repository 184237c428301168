import { Alert, Modal, QRCode, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassSession } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useSessionQr } from './api';

/**
 * "Mã QR điểm danh": the code a trainee scans with a signed-in phone to check in. Drawn here from the
 * link the server gives, large enough to be read off a projected screen.
 */
export function SessionQrModal({ session, onClose }: { session: ClassSession | null; onClose: () => void }) {
  const { t } = useTranslation('training');
  const qr = useSessionQr(session?.id ?? null);
  return (
    <Modal
      open={session !== null}
      title={t('sessions.qrTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={460}
    >
      {session && (
        <Typography.Paragraph>
          {formatDate(session.date)} · {t(`sessionPart.${session.part}`)} ({session.startsAt}–{session.endsAt})
          {session.topic ? ` · ${session.topic}` : ''}
        </Typography.Paragraph>
      )}
      {qr.isLoading && <Spin />}
      {qr.error && <Alert type="error" showIcon title={errorMessage(qr.error)} />}
      {qr.data && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <QRCode value={qr.data.url} size={320} errorLevel="M" data-testid="session-qr" />
          <Typography.Text type="secondary">
            {t('sessions.qrWindow', { from: formatDateTime(qr.data.windowFrom), to: formatDateTime(qr.data.windowTo) })}
          </Typography.Text>
          <Typography.Text copyable={{ text: qr.data.url }} style={{ wordBreak: 'break-all' }}>
            {qr.data.url}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
