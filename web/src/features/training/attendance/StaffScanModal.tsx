import { useCallback, useRef, useState } from 'react';
import { Button, Flex, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ClassSession } from '@canbo/contract';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/errors';
import { staffCheckin, useInvalidateTraining, type CheckinResult } from './api';
import { checkinCodeOf } from './checkinCode';
import { MARK_COLORS } from './marks';
import { QrCamera } from './QrCamera';

interface Scan {
  seq: number;
  code: string;
  result?: CheckinResult;
  error?: string;
}

/** The camera sees the same code many times a second: one request per code in this span. */
const REPEAT_MS = 5000;

/** The session happening now, else the first of today, else the first of the class. */
function currentSession(sessions: ClassSession[]): number | undefined {
  const now = dayjs();
  const today = sessions.filter((s) => s.date === now.format('YYYY-MM-DD'));
  const time = now.format('HH:mm');
  return (today.find((s) => s.startsAt <= time && time <= s.endsAt) ?? today[0] ?? sessions[0])?.id;
}

/**
 * Staff check trainees in by their personal QR code: pick the session, then scan with the camera
 * or type the code printed under the QR. Each scan is listed with the trainee's name and mark.
 */
export function StaffScanModal({ sessions, onClose }: { sessions: ClassSession[]; onClose: () => void }) {
  const { t } = useTranslation('trainingResults');
  const refresh = useInvalidateTraining();
  const [sessionId, setSessionId] = useState(() => currentSession(sessions));
  const [camera, setCamera] = useState(false);
  const [typed, setTyped] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const seen = useRef(new Map<string, number>());
  const seq = useRef(0);
  const changedAny = useRef(false);

  const submit = useCallback(
    (text: string) => {
      if (!sessionId) return;
      const code = checkinCodeOf(text);
      const n = ++seq.current;
      if (!code) {
        setScans((s) => [{ seq: n, code: text.trim(), error: t('scan.badCode') }, ...s]);
        return;
      }
      const key = `${sessionId}:${code}`;
      const last = seen.current.get(key);
      if (last && Date.now() - last < REPEAT_MS) return;
      seen.current.set(key, Date.now());
      setScans((s) => [{ seq: n, code }, ...s]);
      const settle = (patch: Partial<Scan>) => setScans((s) => s.map((x) => (x.seq === n ? { ...x, ...patch } : x)));
      staffCheckin(sessionId, code).then(
        (result) => {
          if (result.changed) changedAny.current = true;
          settle({ result });
        },
        (err: unknown) => settle({ error: errorMessage(err) }),
      );
    },
    [sessionId, t],
  );

  const close = () => {
    if (changedAny.current) refresh();
    onClose();
  };

  return (
    <Modal
      open
      title={t('scan.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common:action.close')}</Button>}
      width={560}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Select
          style={{ width: '100%' }}
          value={sessionId}
          onChange={setSessionId}
          aria-label={t('scan.session')}
          placeholder={t('scan.session')}
          options={sessions.map((s) => ({
            value: s.id,
            label: `${formatDate(s.date)} — ${t(`training:sessionPart.${s.part}`)}${s.topic ? ` — ${s.topic}` : ''}`,
          }))}
        />
        {camera ? (
          <QrCamera onCode={submit} />
        ) : (
          <Button icon={<CameraOutlined />} block onClick={() => setCamera(true)} disabled={!sessionId}>
            {t('scan.camera')}
          </Button>
        )}
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('scan.typeCode')}
          aria-label={t('scan.typeCode')}
          enterButton={t('scan.submit')}
          disabled={!sessionId}
          onSearch={(v) => {
            if (!v.trim()) return;
            submit(v);
            setTyped('');
          }}
          data-testid="scan-code"
        />
        <div data-testid="scan-results">
          {scans.map((s) => (
            <Flex
              key={s.seq}
              justify="space-between"
              align="center"
              gap={8}
              style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              {s.result ? (
                <>
                  <Typography.Text strong>{s.result.personName}</Typography.Text>
                  <Space size={4}>
                    <Tag color={MARK_COLORS[s.result.mark]}>{t(`training:mark.${s.result.mark}`)}</Tag>
                    {!s.result.changed && <Typography.Text type="secondary">{t('scan.already')}</Typography.Text>}
                  </Space>
                </>
              ) : s.error ? (
                <>
                  <Typography.Text code>{s.code}</Typography.Text>
                  <Typography.Text type="danger">{s.error}</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{t('scan.sending', { code: s.code })}</Typography.Text>
              )}
            </Flex>
          ))}
        </div>
      </Space>
    </Modal>
  );
}
