import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { importKinds, type ImportIssue, type ImportKind, type ImportResult } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { SheetDragger } from '../../lib/SheetDragger';
import { downloadErrors, downloadTemplate, sendSheet } from './api';

type Phase = { step: 'idle' } | { step: 'sending'; share: number } | { step: 'checking' };

/**
 * /imports: choose the kind, download its template, upload the filled sheet. The preview lists the
 * counts and every error and warning (row, column, message); the sheet with its errors can be
 * downloaded to fix; "Nhập dữ liệu" writes it, all rows or none, once no error is left.
 */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase.step !== 'idle';

  const run = async (f: File, commit: boolean) => {
    setError(null);
    setPhase({ step: 'sending', share: 0 });
    try {
      const res = await sendSheet(kind, f, commit, (share) =>
        setPhase(share < 1 ? { step: 'sending', share } : { step: 'checking' }),
      );
      if (res.committed) {
        setDone(res);
        setPreview(null);
      } else setPreview(res);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPhase({ step: 'idle' });
    }
  };

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
        extra={[
          <Link key="people" to="/people">
            <Button type="primary">{t('toPeople')}</Button>
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
      {busy && (
        <div data-testid="import-progress">
          <Progress
            percent={phase.step === 'sending' ? Math.round(phase.share * 100) : 100}
            status="active"
            showInfo={false}
          />
          <Typography.Text type="secondary">
            {phase.step === 'sending' ? t('sending', { percent: Math.round(phase.share * 100) }) : t('checking')}
          </Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {preview && !busy && <Preview result={preview} onErrors={() => void errorsFile()} onCommit={confirmCommit} />}
    </Space>
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
        <Table<ImportIssue>
          size="small"
          rowKey={(i) => `${i.row}|${i.column ?? ''}|${i.message}`}
          dataSource={result.issues}
          pagination={{ current: page, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: true }}
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
