import { Alert, Button, Flex, Modal, QRCode, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { useEnrolmentQr } from './api';

/** The trainee's own check-in code, large enough for staff to scan from the phone's screen. */
export function MyQrModal({
  enrolmentId,
  className,
  onClose,
}: {
  enrolmentId: number | null;
  className: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('trainingResults');
  const q = useEnrolmentQr(enrolmentId);
  return (
    <Modal
      open={enrolmentId !== null}
      title={t('record.myQr')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common:action.close')}</Button>}
      width={380}
    >
      <Flex vertical align="center" gap={8}>
        <Typography.Text strong>{className}</Typography.Text>
        {q.isLoading && <Spin />}
        {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        {q.data && (
          <>
            <QRCode value={q.data.payload} size={260} errorLevel="M" bordered={false} data-testid="my-qr" />
            <Typography.Text type="secondary">{t('record.typeInstead')}</Typography.Text>
            <Typography.Text code copyable style={{ fontSize: 16 }}>
              {q.data.code}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Modal>
  );
}
