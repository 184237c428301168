import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Modal, Progress, Result, Select, Space, Statistic, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  importKinds,
  type ImportCounts,
  type ImportIssue,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
} from '@canbo/contract';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { SheetDragger } from '../../lib/SheetDragger';
import { downloadErrors, downloadTemplate, importProgress, progressToken, sendSheet } from './api';
import { ListTable } from '../../lib/ListTable';

type Phase =
  | { step: 'idle' }
  | { step: 'sending'; share: number }
  | { step: 'server'; progress: ImportProgress; commit: boolean }
  | { step: 'stopping' };

/** What a commit wrote; `late` when it was saved though the user had pressed "Hủy" meanwhile. */
interface Saved {
  counts: ImportCounts;
  late: boolean;
}

/** How often the server is asked how far it has come while it reads, checks or writes. */
const POLL_MS = 400;
/** How many times a cancelled commit's last word is asked for before the page stops waiting. */
const LAST_WORD_POLLS = 25;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A cancelled commit's outcome, from the server: the connection closed, but the commit may have
 * ended its transaction before the server saw it go (`saved`), or rolled back (`cancelled`; `done`
 * when the sheet turned out to have errors). Undefined when the server never says.
 */
async function lastWord(token: string): Promise<ImportProgress | undefined> {
  for (let i = 0; i < LAST_WORD_POLLS; i++) {
    const p = await importProgress(token).catch(() => undefined);
    if (p && (p.phase === 'saved' || p.phase === 'cancelled' || p.phase === 'done')) return p;
    await wait(POLL_MS);
  }
  return undefined;
}

const count = (n: number) => n.toLocaleString('vi-VN');

/**
 * /imports: choose the kind, download its template, upload the filled sheet. The preview lists the
 * counts and every error and warning (row, column, message); the sheet with its errors can be
 * downloaded to fix; "Nhập dữ liệu" writes it, all rows or none, once no error is left.
 */
/** The list where each kind's records are found after an import (the result's button). */
const WHERE_FOUND = {
  people: { to: '/people', label: 'toPeople' },
  moves: { to: '/people', label: 'toPeople' },
  units: { to: '/units', label: 'toUnits' },
  studies: { to: '/studies', label: 'toStudies' },
  visits: { to: '/visits', label: 'toVisits' },
  classes: { to: '/training/classes', label: 'toClasses' },
  trainees: { to: '/training/classes', label: 'toClasses' },
  attendance: { to: '/training/classes', label: 'toClasses' },
} as const satisfies Record<ImportKind, { to: string; label: string }>;

export function ImportsPage() {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase.step !== 'idle';

  const running = useRef<AbortController | null>(null);

  const run = async (f: File, commit: boolean) => {
    setError(null);
    setPhase({ step: 'sending', share: 0 });
    const controller = new AbortController();
    running.current = controller;
    const token = progressToken();
    // Once the bytes are sent the server reads, checks (and writes): ask it how far, until it answers.
    let poll: ReturnType<typeof setInterval> | undefined;
    const follow = () => {
      poll ??= setInterval(() => {
        void importProgress(token).then(
          (progress) => {
            if (!controller.signal.aborted && progress.phase !== 'waiting') {
              setPhase({ step: 'server', progress, commit });
            }
          },
          () => undefined,
        );
      }, POLL_MS);
    };
    let sent = false;
    try {
      const res = await sendSheet(
        kind,
        f,
        commit,
        (share) => {
          if (share < 1) setPhase({ step: 'sending', share });
          else {
            sent = true;
            setPhase({ step: 'server', progress: { phase: 'reading', done: 0, total: 0 }, commit });
            follow();
          }
        },
        { progress: token, signal: controller.signal },
      );
      if (res.committed) {
        setDone({ counts: res.counts, late: false });
        setPreview(null);
      } else setPreview(res);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'cancelled')) setError(errorMessage(err));
      else if (commit && sent) {
        // The whole sheet reached the server, which may have committed before it saw the cancel.
        clearInterval(poll);
        setPhase({ step: 'stopping' });
        const last = await lastWord(token);
        if (last?.phase === 'saved') {
          setDone({ counts: last.counts ?? preview?.counts ?? { create: 0, update: 0, skip: 0 }, late: true });
          setPreview(null);
        } else if (last) void message.info(t('cancelled'));
        else void message.warning(t('cancelUnknown'));
      } else void message.info(t('cancelled'));
    } finally {
      clearInterval(poll);
      running.current = null;
      setPhase({ step: 'idle' });
    }
  };

  /**
   * Closes the upload's connection: the server stops and writes nothing (a commit under way rolls
   * back) — unless the commit had already ended, which the server then says (see `lastWord`).
   */
  const cancel = () => running.current?.abort();

  const choose = (f: File) => {
    setFile(f);
    setPreview(null);
    setDone(null);
    void run(f, false);
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setError(null);
  };

  const confirmCommit = () => {
    if (!file || !preview) return;
    Modal.confirm({
      title: t('confirmTitle'),
      content: t('confirmText', { create: preview.counts.create, update: preview.counts.update }),
      okText: t('commit'),
      cancelText: t('common:action.cancel'),
      onOk: () => run(file, true),
    });
  };

  const errorsFile = async () => {
    if (!file) return;
    try {
      await downloadErrors(kind, file);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('done', { ...done.counts })}
        subTitle={done.late ? t('savedBeforeCancel') : undefined}
        extra={[
          // What was imported is found on its own list.
          <Link key="open" to={WHERE_FOUND[kind].to}>
            <Button type="primary">{t(WHERE_FOUND[kind].label)}</Button>
          </Link>,
          <Button key="again" onClick={reset}>
            {t('another')}
          </Button>,
        ]}
        data-testid="import-done"
      />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap>
        <span>{t('kind')}</span>
        <Select<ImportKind>
          id="import-kind"
          value={kind}
          onChange={(k) => {
            setKind(k);
            reset();
          }}
          options={importKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          style={{ minWidth: 160 }}
          aria-label={t('kind')}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate(kind)}>
          {t('template')}
        </Button>
      </Space>
      <SheetDragger fileName={file?.name} drop={t('drop')} hint={t('hint')} disabled={busy} onFile={choose} />
      {busy && <Working phase={phase} onCancel={cancel} />}
      {error && <Alert type="error" showIcon title={error} />}
      {preview && !busy && <Preview result={preview} onErrors={() => void errorsFile()} onCommit={confirmCommit} />}
    </Space>
  );
}

/** The bar while a sheet is sent, read, checked or written, with its row counts and "Hủy". */
function Working({ phase, onCancel }: { phase: Phase; onCancel: () => void }) {
  const { t } = useTranslation('imports');
  let percent = 0;
  let text = '';
  if (phase.step === 'stopping') text = t('stopping');
  else if (phase.step === 'sending') {
    percent = Math.round(phase.share * 100);
    text = t('sending', { percent });
  } else if (phase.step === 'server') {
    const { phase: at, done, total } = phase.progress;
    percent = total ? Math.floor((done / total) * 100) : 0;
    const rows = { done: count(done), total: count(total) };
    text =
      at === 'reading'
        ? t('reading', rows)
        : at === 'checking'
          ? t('checked', rows)
          : at === 'writing'
            ? t('written', rows)
            : t('checking');
  }
  return (
    <div data-testid="import-progress">
      <Progress percent={percent} status="active" aria-label={text} />
      <Space>
        <Typography.Text type="secondary">{text}</Typography.Text>
        {phase.step !== 'stopping' && (
          <Button size="small" onClick={onCancel} data-testid="import-cancel">
            {t('cancel')}
          </Button>
        )}
      </Space>
    </div>
  );
}

function Preview({ result, onErrors, onCommit }: { result: ImportResult; onErrors: () => void; onCommit: () => void }) {
  const { t } = useTranslation('imports');
  const [page, setPage] = useState(1);
  const total = result.errors + result.warnings;
  return (
    <Card data-testid="import-preview">
      <Space wrap size="large">
        <Statistic title={t('rows', { count: result.rows })} value={result.rows} />
        <Statistic title={t('create')} value={result.counts.create} />
        <Statistic title={t('update')} value={result.counts.update} />
        <Statistic title={t('skip')} value={result.counts.skip} />
        <Statistic title={t('errors')} value={result.errors} />
        <Statistic title={t('warnings')} value={result.warnings} />
      </Space>
      {result.errors > 0 ? (
        <Alert type="error" showIcon style={{ margin: '12px 0' }} title={t('hasErrors', { count: result.errors })} />
      ) : (
        <Alert type="success" showIcon style={{ margin: '12px 0' }} title={t('noIssues')} />
      )}
      {result.issues.length < total && (
        <Typography.Paragraph type="secondary">
          {t('more', { shown: result.issues.length, total })}
        </Typography.Paragraph>
      )}
      {result.issues.length > 0 && (
        <ListTable<ImportIssue>
          label={`${t('errors')} · ${t('warnings')}`}
          size="small"
          rowKey={(i) => `${i.row}|${i.column ?? ''}|${i.message}`}
          dataSource={result.issues}
          pagination={{ current: page, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('row'), dataIndex: 'row', width: 70, render: (r: number) => (r ? r : t('wholeSheet')) },
            { title: t('column'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '' },
            { title: t('message'), dataIndex: 'message' },
            {
              title: t('severity'),
              dataIndex: 'severity',
              width: 90,
              render: (s: ImportIssue['severity']) =>
                s === 'error' ? <Tag color="red">{t('errors')}</Tag> : <Tag color="gold">{t('warnings')}</Tag>,
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }} wrap>
        {total > 0 && (
          <Button icon={<DownloadOutlined />} onClick={onErrors} data-testid="import-errors">
            {t('downloadErrors')}
          </Button>
        )}
        <Button
          type="primary"
          disabled={result.errors > 0 || result.counts.create + result.counts.update === 0}
          onClick={onCommit}
          data-testid="import-commit"
        >
          {t('commit')}
        </Button>
      </Space>
    </Card>
  );
}
