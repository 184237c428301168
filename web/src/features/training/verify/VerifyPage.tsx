import { Card, Descriptions, Result, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { usePublicCertificate } from './api';

/**
 * What a certificate's QR code opens, for anyone, signed in or not: the certificate's facts and
 * whether it is still valid — nothing else about the person.
 */
export function VerifyPage() {
  const { t } = useTranslation('trainingResults');
  const { code = '' }: { code?: string } = useParams({ strict: false });
  const q = usePublicCertificate(code);
  const c = q.data;

  return (
    <div
      style={{ minHeight: '100vh', background: '#f0f4fa', padding: 16, display: 'grid', placeItems: 'start center' }}
    >
      <div style={{ width: '100%', maxWidth: 640 }}>
        <Typography.Title level={4} style={{ textAlign: 'center', color: '#0b3d91' }}>
          {t('verify.title')}
        </Typography.Title>
        <Card>
          {q.isLoading ? (
            <Spin size="large" style={{ display: 'block', margin: 48 }} />
          ) : !c ? (
            <Result
              status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
              title={t('verify.notFound')}
              subTitle={
                q.error instanceof ApiError && q.error.status === 404 ? t('verify.notFoundHint') : errorMessage(q.error)
              }
            />
          ) : (
            <>
              <div
                data-testid="verify-status"
                data-status={c.status}
                style={{
                  textAlign: 'center',
                  padding: '16px 8px',
                  marginBottom: 16,
                  borderRadius: 8,
                  color: '#fff',
                  background: c.status === 'valid' ? '#389e0d' : '#cf1322',
                }}
              >
                <div style={{ fontSize: 48, lineHeight: 1 }}>
                  {c.status === 'valid' ? <CheckCircleFilled /> : <CloseCircleFilled />}
                </div>
                <div style={{ fontSize: 28, fontWeight: 600, marginTop: 8 }}>
                  {t(`training:certStatus.${c.status}`)}
                </div>
                {c.status === 'revoked' && c.revokedAt && (
                  <div style={{ fontSize: 16 }} data-testid="verify-revoked-on">
                    {t('verify.revokedOn', { date: formatDate(c.revokedAt) })}
                  </div>
                )}
              </div>
              <Descriptions column={1} bordered size="middle">
                <Descriptions.Item label={t('certificates.number')}>
                  <span data-testid="verify-number">{c.number}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.issuedOn')}>
                  <span data-testid="verify-issued-on">{formatDate(c.issuedOn)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.person')}>
                  <Typography.Text strong>{c.personName}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.class')}>{c.className}</Descriptions.Item>
                <Descriptions.Item label={t('verify.dates')}>
                  {formatDate(c.startDate)} – {formatDate(c.endDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.issuer')}>{c.issuerName}</Descriptions.Item>
                <Descriptions.Item label={t('results.grade')}>
                  {c.grade ? t(`training:grade.${c.grade}`) : '—'}
                </Descriptions.Item>
              </Descriptions>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
