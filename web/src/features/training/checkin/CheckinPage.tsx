import { useEffect, useRef } from 'react';
import { routes } from '@canbo/contract';
import { Button, Card, Result, Spin, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';

import { useInvalidateTraining } from '../attendance/api';

/**
 * Where a session's QR code leads: the signed-in trainee is checked in at once and sees, in large
 * type, that it worked — or why not (outside the session's window, not on the list).
 */
export function CheckinPage() {
  const { t } = useTranslation('trainingResults');
  const { token = '' }: { token?: string } = useParams({ strict: false });
  const refresh = useInvalidateTraining();
  const checkin = useMutation({
    mutationFn: () => call(routes.training.selfCheckin, { body: { token } }),
    onSuccess: refresh,
  });
  // Once per visit: StrictMode mounts twice, and a reload should not be needed to see the answer.
  const sent = useRef('');
  const { mutate } = checkin;
  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    mutate();
  }, [token, mutate]);

  const r = checkin.data;
  const when = r?.sessionDate
    ? t('checkin.session', {
        part: r.sessionPart ? t(`training:sessionPart.${r.sessionPart}`).toLocaleLowerCase('vi') : '',
        date: formatDate(r.sessionDate),
      }).replace(/\s+/g, ' ')
    : '';

  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <Card>
        {checkin.isPending || checkin.isIdle ? (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin size="large" />
            <Typography.Paragraph style={{ marginTop: 16, fontSize: 18 }}>{t('checkin.sending')}</Typography.Paragraph>
          </div>
        ) : r ? (
          <Result
            status="success"
            title={
              <span style={{ fontSize: 26 }} data-testid="checkin-success">
                {t('checkin.done', { mark: t(`training:mark.${r.mark}`) })}
              </span>
            }
            subTitle={
              <span style={{ fontSize: 18 }}>
                {[r.className, when].filter(Boolean).join(', ')}
                {!r.changed && (
                  <>
                    <br />
                    {t('checkin.already')}
                  </>
                )}
              </span>
            }
            extra={
              <Link to="/">
                <Button size="large">{t('checkin.home')}</Button>
              </Link>
            }
          />
        ) : (
          <Result
            status="error"
            title={<span style={{ fontSize: 24 }}>{t('checkin.failed')}</span>}
            subTitle={
              <span style={{ fontSize: 18 }} data-testid="checkin-error">
                {errorMessage(checkin.error)}
              </span>
            }
            extra={
              <Button size="large" type="primary" onClick={() => checkin.mutate()}>
                {t('checkin.retry')}
              </Button>
            }
          />
        )}
      </Card>
    </div>
  );
}
