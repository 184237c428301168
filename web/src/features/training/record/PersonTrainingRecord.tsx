import { useState } from 'react';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingRecordItem } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useFixedPaging } from '../../../lib/paging';
import { useMe } from '../../auth/useMe';
import { downloadCertificatePdf, verifyPath } from '../certificates/api';
import { pagedTable } from '../results/listing';
import { useTrainingRecord } from './api';
import { MyQrModal } from './MyQrModal';
import { ListTable } from '../../../lib/ListTable';

/** A class the trainee still checks in to: seated, and the class not yet over. */
function current(r: TrainingRecordItem): boolean {
  const seated = r.enrolmentStatus === 'nominated' || r.enrolmentStatus === 'confirmed';
  return seated && (r.classStatus === 'planned' || r.classStatus === 'open' || r.classStatus === 'in_progress');
}

/**
 * Every class a person was enrolled in, newest first: attendance share, results and certificate.
 * The person themself gets their check-in QR code for each current class.
 */
export function PersonTrainingRecord({ personId }: { personId: number }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const me = useMe();
  const own = me.data?.personId === personId;
  const paging = useFixedPaging(20);
  const q = useTrainingRecord(personId, { page: paging.page, pageSize: paging.pageSize });
  const [qrFor, setQrFor] = useState<TrainingRecordItem | null>(null);

  const pdf = async (c: NonNullable<TrainingRecordItem['certificate']>) => {
    try {
      await downloadCertificatePdf(c.id, c.number);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<TrainingRecordItem> = [
    {
      key: 'class',
      title: t('record.class'),
      render: (_, r) => (
        <div>
          <Typography.Text strong>{r.className}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.kindName} · {r.organiserUnitName}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'dates',
      title: t('record.dates'),
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDate(r.startDate)} – {formatDate(r.endDate)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('record.status'),
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag>{t(`training:classStatus.${r.classStatus}`)}</Tag>
          {r.enrolmentStatus !== 'confirmed' && <Tag>{t(`training:enrolmentStatus.${r.enrolmentStatus}`)}</Tag>}
        </Space>
      ),
    },
    {
      key: 'attendance',
      title: t('attendance.percent'),
      align: 'right',
      render: (_, r) => (r.attendancePercent === null ? '—' : `${r.attendancePercent}%`),
    },
    { key: 'grade', title: t('results.grade'), render: (_, r) => (r.grade ? t(`training:grade.${r.grade}`) : '—') },
    {
      key: 'outcome',
      title: t('results.outcome'),
      render: (_, r) =>
        r.outcome ? (
          <Tag color={r.outcome === 'completed' ? 'green' : 'default'}>{t(`training:outcome.${r.outcome}`)}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'certificate',
      title: t('record.certificate'),
      render: (_, r) =>
        r.certificate ? (
          <Space size={4} wrap>
            <a href={verifyPath(r.certificate.verifyCode)} target="_blank" rel="noreferrer">
              {r.certificate.number}
            </a>
            {r.certificate.status === 'revoked' && <Tag color="red">{t('training:certStatus.revoked')}</Tag>}
            <Button
              size="small"
              type="text"
              icon={<FilePdfOutlined />}
              aria-label={t('record.pdf', { number: r.certificate.number })}
              onClick={() => void pdf(r.certificate!)}
            />
          </Space>
        ) : (
          '—'
        ),
    },
    ...(own
      ? [
          {
            key: 'qr',
            render: (_: unknown, r: TrainingRecordItem) =>
              current(r) && (
                <Button
                  size="small"
                  icon={<QrcodeOutlined />}
                  onClick={() => setQrFor(r)}
                  data-testid={`my-qr-${r.enrolmentId}`}
                >
                  {t('record.myQr')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  if (q.error) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  return (
    <>
      <ListTable<TrainingRecordItem>
        label={t('record.tab')}
        rowKey="enrolmentId"
        columns={columns}
        {...pagedTable(q, paging.pagination, t('record.empty'))}
      />
      <MyQrModal
        enrolmentId={qrFor?.enrolmentId ?? null}
        className={qrFor?.className ?? ''}
        onClose={() => setQrFor(null)}
      />
    </>
  );
}
