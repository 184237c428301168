import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Dropdown, Flex, Grid, Space, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, DownOutlined, QrcodeOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AttendanceGrid, ClassSession, TrainingClass } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { downloadAttendanceSheet, useAttendanceGrid, useSaveMarks } from './api';
import { cellKey, emptyDraft, setMarks, shownMark, type Draft, type Mark } from './draft';
import { attendancePercent } from './marks';
import { MarkCell, markOfKey, useMarkMenu } from './MarkCell';
import { AttendanceUploadModal } from './AttendanceUploadModal';
import { AttendanceBySession } from './AttendanceBySession';
import { MarkLegend } from './MarkLegend';
import { recording } from '../results/classStates';
import { TraineeSearch, useSearchPaging } from '../results/listing';
import { ListTable } from '../../../lib/ListTable';

// The camera scanner (and jsQR behind it) loads only when staff open it.
const StaffScanModal = lazy(() => import('./StaffScanModal').then((m) => ({ default: m.StaffScanModal })));

type Row = AttendanceGrid['rows'][number];

/**
 * The attendance of a class: trainees × sessions. Managers mark cells one by one or in bulk (a
 * whole session, the whole course for the selected trainees); changes stay local until one Save
 * sends them in a single request. Also: the Excel sheet down and up, and scanning trainees' codes.
 * On a phone the grid gives way to one session at a time (`AttendanceBySession`), same draft, same Save.
 */
export function AttendanceTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const editable = cls.canManage && recording(cls.status);
  const paging = useSearchPaging(100);
  const grid = useAttendanceGrid(cls.id, paging.query);
  const save = useSaveMarks(cls.id);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [selected, setSelected] = useState<number[]>([]);
  const [uploading, setUploading] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const [phoneSession, setPhoneSession] = useState<number>();
  const sessionMenu = useMarkMenu('session');
  const rowsMenu = useMarkMenu('rows');

  const sessions = useMemo(() => grid.data?.sessions ?? [], [grid.data]);
  const rows = useMemo(() => grid.data?.rows ?? [], [grid.data]);

  // Leaving with unsaved marks loses them: let the browser ask first.
  useEffect(() => {
    if (!draft.size) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft.size]);

  const cellsOf = (rowList: Row[], sessionList: ClassSession[]) =>
    rowList.flatMap((r) =>
      sessionList.map((s) => ({
        enrolmentId: r.enrolmentId,
        sessionId: s.id,
        original: r.marks[sessions.indexOf(s)] ?? null,
      })),
    );
  const mark = (rowList: Row[], sessionList: ClassSession[], value: Mark) =>
    setDraft((d) => setMarks(d, cellsOf(rowList, sessionList), value));
  /** Bulk marking of a session acts on the selected trainees, or on every trainee shown. */
  const targetRows = () => (selected.length ? rows.filter((r) => selected.includes(r.enrolmentId)) : rows);

  const sessionLabel = (s: ClassSession) => `${dayjs(s.date).format('DD/MM')} ${t(`training:sessionPart.${s.part}`)}`;

  const columns: TableColumnsType<Row> = [
    {
      key: 'person',
      title: t('attendance.trainee'),
      fixed: 'left',
      width: 220,
      render: (_, r) => (
        <div>
          <Typography.Text strong>{r.personName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.title ? t(`common:title.${r.title}`) : null, r.unitName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    ...sessions.map((s, i) => ({
      key: `s${s.id}`,
      align: 'center' as const,
      width: 76,
      title: editable ? (
        <Dropdown
          destroyOnHidden
          trigger={['click']}
          menu={{ items: sessionMenu, onClick: ({ key }) => mark(targetRows(), [s], markOfKey(key)) }}
        >
          <Button size="small" type="text" data-testid={`att-session-${s.id}`} title={s.topic ?? undefined}>
            {sessionLabel(s)} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      ) : (
        <Tooltip title={s.topic}>{sessionLabel(s)}</Tooltip>
      ),
      render: (_: unknown, r: Row) => {
        const unsaved = draft.has(cellKey(r.enrolmentId, s.id));
        return (
          <MarkCell
            mark={shownMark(draft, r.enrolmentId, s.id, r.marks[i] ?? null)}
            unsaved={unsaved}
            editable={editable}
            label={`${r.personName} — ${sessionLabel(s)}`}
            testId={`att-cell-${r.enrolmentId}-${s.id}`}
            onChange={(m) => mark([r], [s], m)}
          />
        );
      },
    })),
    {
      key: 'percent',
      title: t('attendance.percent'),
      align: 'right',
      width: 90,
      render: (_, r) => {
        const changed = sessions.some((s) => draft.has(cellKey(r.enrolmentId, s.id)));
        const pct = changed
          ? attendancePercent(sessions.map((s, i) => shownMark(draft, r.enrolmentId, s.id, r.marks[i] ?? null)))
          : r.attendancePercent;
        return <span data-testid={`att-percent-${r.enrolmentId}`}>{pct === null ? '—' : `${pct}%`}</span>;
      },
    },
  ];

  const submit = () =>
    save.mutate(draft, {
      onSuccess: (res) => {
        setDraft(emptyDraft);
        void message.success(t('attendance.saved', { count: res.changed }));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });

  const downloadSheet = async () => {
    setDownloading(true);
    try {
      await downloadAttendanceSheet(cls.id);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <TraineeSearch value={paging.search} onChange={paging.setSearch} />
          {editable && !phone && (
            <Dropdown
              destroyOnHidden
              disabled={!selected.length || !sessions.length}
              trigger={['click']}
              menu={{ items: rowsMenu, onClick: ({ key }) => mark(targetRows(), sessions, markOfKey(key)) }}
            >
              <Button data-testid="att-bulk-rows">
                {selected.length ? t('attendance.bulkRows', { count: selected.length }) : t('attendance.bulkRowsNone')}{' '}
                <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadSheet()}>
            {t('attendance.download')}
          </Button>
          {editable && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="att-upload-open">
                {t('attendance.upload')}
              </Button>
              <Button icon={<QrcodeOutlined />} onClick={() => setScanning(true)} disabled={!sessions.length}>
                {t('scan.open')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {editable && draft.size > 0 && (
        <Alert
          type="warning"
          showIcon
          // On a phone the list is long: Save stays in reach at the bottom of the screen.
          style={phone ? { position: 'sticky', bottom: 8, zIndex: 3, marginBottom: 12 } : { marginBottom: 12 }}
          title={<span data-testid="att-unsaved">{t('attendance.unsaved', { count: draft.size })}</span>}
          action={
            <Space>
              <Button onClick={() => setDraft(emptyDraft)} disabled={save.isPending}>
                {t('attendance.discard')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={submit}
                data-testid="att-save"
              >
                {t('common:action.save')}
              </Button>
            </Space>
          }
        />
      )}
      {cls.canManage && !editable && (
        <Alert type="info" showIcon title={t('attendance.notRecording')} style={{ marginBottom: 12 }} />
      )}
      {grid.error && <Alert type="error" showIcon title={errorMessage(grid.error)} style={{ marginBottom: 12 }} />}
      {grid.data && !sessions.length && (
        <Alert type="info" showIcon title={t('attendance.noSessions')} style={{ marginBottom: 12 }} />
      )}
      {sessions.length > 0 && <MarkLegend />}
      {phone && sessions.length > 0 ? (
        <AttendanceBySession
          sessions={sessions}
          rows={rows}
          draft={draft}
          editable={editable}
          sessionId={phoneSession}
          onSession={setPhoneSession}
          sessionLabel={sessionLabel}
          onMark={mark}
          pagination={paging.pagination(grid.data?.total)}
          loading={grid.isFetching}
        />
      ) : (
        // The grid grows a column per session: it scrolls inside its card, its names column kept.
        <ListTable<Row>
          label={t('training:tab.attendance')}
          grows
          size="small"
          rowKey="enrolmentId"
          loading={grid.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={paging.pagination(grid.data?.total)}
          rowSelection={
            editable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  preserveSelectedRowKeys: false,
                }
              : undefined
          }
          locale={{ emptyText: t('attendance.empty') }}
        />
      )}
      {editable && <AttendanceUploadModal classId={cls.id} open={uploading} onClose={() => setUploading(false)} />}
      {editable && scanning && (
        <Suspense fallback={null}>
          <StaffScanModal sessions={sessions} onClose={() => setScanning(false)} />
        </Suspense>
      )}
    </div>
  );
}
