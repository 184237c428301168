import { Button, Dropdown, Empty, Flex, Pagination, Radio, Select, Spin, Typography } from 'antd';
import type { PaginationProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AttendanceGrid, ClassSession } from '@canbo/contract';
import { today } from '../../../lib/format';
import { cellKey, shownMark, type Draft, type Mark } from './draft';
import { MARK_FILLS, MARKS } from './marks';
import { markOfKey, useMarkMenu } from './MarkCell';

type Row = AttendanceGrid['rows'][number];

interface Props {
  sessions: ClassSession[];
  rows: Row[];
  draft: Draft;
  editable: boolean;
  /** The session being marked (its id), chosen by the tab. */
  sessionId: number | undefined;
  onSession: (id: number) => void;
  sessionLabel: (s: ClassSession) => string;
  onMark: (rows: Row[], sessions: ClassSession[], mark: Mark) => void;
  pagination: PaginationProps;
  loading: boolean;
}

/**
 * Attendance on a phone, as staff take it at the door: one session at a time, each trainee a row
 * with the four marks as buttons wide enough for a thumb; "Cả buổi" marks everyone shown at once.
 * The same draft and the same Save as the grid on a desk.
 */
export function AttendanceBySession(props: Props) {
  const { sessions, rows, draft, editable, sessionLabel, onMark } = props;
  const { t } = useTranslation('trainingResults');
  const bulk = useMarkMenu('session');
  // Until one is picked: today's session (staff marking at the door), else the first.
  const wanted = props.sessionId ?? sessions.find((s) => s.date === today())?.id;
  const index = sessions.findIndex((s) => s.id === wanted);
  const session = sessions[index] ?? sessions[0];
  const at = index >= 0 ? index : 0;
  if (!session) return null;

  return (
    <div data-testid="att-by-session">
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('attendance.session')}
          size="large"
          style={{ flex: 1, minWidth: 0 }}
          value={session.id}
          onChange={props.onSession}
          options={sessions.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          data-testid="att-session-pick"
        />
        {editable && (
          <Dropdown
            destroyOnHidden
            trigger={['click']}
            menu={{ items: bulk, onClick: ({ key }) => onMark(rows, [session], markOfKey(key)) }}
          >
            <Button size="large" data-testid="att-session-bulk">
              {t('attendance.bulkSession')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
      </Flex>
      <Spin spinning={props.loading}>
        {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.empty')} />}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((r) => {
            const mark = shownMark(draft, r.enrolmentId, session.id, r.marks[at] ?? null);
            const unsaved = draft.has(cellKey(r.enrolmentId, session.id));
            return (
              <li key={r.enrolmentId} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Typography.Text strong>{r.personName}</Typography.Text>
                {unsaved && <Typography.Text type="warning"> •</Typography.Text>}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[r.title ? t(`common:title.${r.title}`) : null, r.unitName].filter(Boolean).join(' · ')}
                </Typography.Text>
                <Radio.Group
                  value={mark}
                  disabled={!editable}
                  optionType="button"
                  buttonStyle="solid"
                  size="large"
                  aria-label={r.personName}
                  onChange={(e) => onMark([r], [session], e.target.value as Mark)}
                  style={{ display: 'flex', marginTop: 6 }}
                  data-testid={`att-marks-${r.enrolmentId}`}
                >
                  {MARKS.map((m) => (
                    <Radio.Button
                      key={m}
                      value={m}
                      aria-label={`${r.personName}: ${t(`training:mark.${m}`)}`}
                      title={t(`training:mark.${m}`)}
                      style={{
                        flex: 1,
                        textAlign: 'center',
                        height: 44,
                        lineHeight: '42px',
                        ...(mark === m ? { background: MARK_FILLS[m], borderColor: MARK_FILLS[m] } : {}),
                      }}
                    >
                      {t(`markShort.${m}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </li>
            );
          })}
        </ul>
      </Spin>
      <Pagination {...props.pagination} size="small" style={{ marginTop: 12, justifyContent: 'center' }} />
    </div>
  );
}
