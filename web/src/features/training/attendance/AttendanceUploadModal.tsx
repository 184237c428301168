import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendanceUploadResult } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { SheetDragger } from '../../../lib/SheetDragger';
import { uploadAttendance, useInvalidateTraining } from './api';
import { ListTable } from '../../../lib/ListTable';

type UploadRow = AttendanceUploadResult['rows'][number];

/**
 * The filled attendance sheet goes up twice: first as a preview (dryRun) listing each row's changes
 * and errors, then — only when the sheet has no error — for real.
 */
export function AttendanceUploadModal({
  classId,
  open,
  onClose,
}: {
  classId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const refresh = useInvalidateTraining();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AttendanceUploadResult | null>(null);
  const send = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => uploadAttendance(classId, f, dryRun),
  });

  const close = () => {
    setFile(null);
    setPreview(null);
    send.reset();
    onClose();
  };

  const check = (f: File) => {
    setFile(f);
    setPreview(null);
    send.mutate({ f, dryRun: true }, { onSuccess: setPreview });
  };

  const apply = () => {
    if (!file) return;
    send.mutate(
      { f: file, dryRun: false },
      {
        onSuccess: (res) => {
          if (!res.applied) {
            // the sheet changed between preview and save, or someone else edited: show why
            setPreview(res);
            return;
          }
          refresh();
          void message.success(t('upload.saved', { count: res.changes }));
          close();
        },
      },
    );
  };

  const rowErrors = preview?.rows.filter((r) => r.errors.length).length ?? 0;
  const hasErrors = !!preview && (preview.sheetErrors.length > 0 || rowErrors > 0);
  const canSave = !!preview && !hasErrors && preview.changes > 0;

  return (
    <Modal
      open={open}
      title={t('upload.title')}
      width={760}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{t('common:action.cancel')}</Button>
          <Button
            type="primary"
            disabled={!canSave}
            loading={send.isPending && !!preview}
            onClick={apply}
            data-testid="att-upload-save"
          >
            {t('common:action.save')}
          </Button>
        </Space>
      }
    >
      <SheetDragger fileName={file?.name} drop={t('upload.drop')} hint={t('upload.hint')} onFile={check} />
      {send.isPending && !preview && (
        <Typography.Paragraph style={{ marginTop: 12 }}>{t('upload.checking')}</Typography.Paragraph>
      )}
      {send.error && <Alert type="error" showIcon title={errorMessage(send.error)} style={{ marginTop: 12 }} />}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="att-upload-preview">
          {preview.sheetErrors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('upload.sheetErrors')}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {preview.sheetErrors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              }
            />
          )}
          {hasErrors ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('upload.fixErrors', { count: rowErrors })}
            />
          ) : preview.changes > 0 ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('upload.ready', { count: preview.changes })}
            />
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('upload.noChanges')} />
          )}
          <ListTable<UploadRow>
            label={t('upload.title')}
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(r) => (r.errors.length ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { key: 'row', title: t('upload.row'), dataIndex: 'row', width: 70 },
              { key: 'name', title: t('attendance.trainee'), render: (_, r) => r.personName ?? '—' },
              { key: 'changes', title: t('upload.changes'), dataIndex: 'changes', width: 100, align: 'right' },
              {
                key: 'errors',
                title: t('upload.errors'),
                render: (_, r) =>
                  r.errors.map((e) => (
                    <Typography.Text key={e} type="danger" style={{ display: 'block' }}>
                      {e}
                    </Typography.Text>
                  )),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
