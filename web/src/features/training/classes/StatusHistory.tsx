import { useState } from 'react';
import { Alert, Button, Drawer, Spin, Tabs, Timeline, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { CLASS_STATUS_COLORS, ClassStatusTag } from '../labels';
import { useClassHistory } from './api';
import { ChangeHistory } from '../../audit/ChangeHistory';

/**
 * "Lịch sử": every step of the class, who took it and why, oldest first; and its change log — the
 * class's own changes and those of its sessions, seats, trainees and certificates, in words.
 */
export function StatusHistoryButton({ classId }: { classId: number }) {
  const { t } = useTranslation('training');
  const [open, setOpen] = useState(false);
  const q = useClassHistory(classId, open);
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="class-history">
        {t('history.title')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('history.title')} size="min(640px, 100vw)">
        <Tabs
          items={[
            { key: 'status', label: t('history.steps'), children: <StatusSteps q={q} /> },
            {
              key: 'changes',
              label: <span data-testid="class-changelog-tab">{t('history.changes')}</span>,
              children: <ChangeHistory entity="training_class" entityId={classId} />,
            },
          ]}
        />
      </Drawer>
    </>
  );
}

function StatusSteps({ q }: { q: ReturnType<typeof useClassHistory> }) {
  const { t } = useTranslation('training');
  return (
    <>
      {q.isLoading && <Spin />}
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {q.data && (
        <Timeline
          items={q.data.items.map((h) => ({
            key: h.id,
            color: CLASS_STATUS_COLORS[h.toStatus] === 'default' ? 'gray' : CLASS_STATUS_COLORS[h.toStatus],
            content: (
              <div>
                <div>
                  {h.fromStatus && (
                    <>
                      <ClassStatusTag status={h.fromStatus} /> →{' '}
                    </>
                  )}
                  <ClassStatusTag status={h.toStatus} />
                </div>
                {h.recordedAt ? (
                  // A step of a class recorded after it was held: dated at the class's own day,
                  // with who typed it in and when beside it.
                  <Typography.Text type="secondary" data-testid="history-recorded">
                    {formatDate(h.at)} ·{' '}
                    {t('history.recorded', {
                      name: h.actorName ?? t('common:history.system'),
                      at: formatDateTime(h.recordedAt),
                    })}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {formatDateTime(h.at)} · {h.actorName ?? t('common:history.system')}
                  </Typography.Text>
                )}
                {h.note && <Typography.Paragraph style={{ margin: 0 }}>{h.note}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
    </>
  );
}
