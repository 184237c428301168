import { useMemo, useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, App, Button, Flex, Popconfirm, Space, Tooltip } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PlusOutlined,
  QrcodeOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import type { ClassSession, TrainingClass } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { isEditable } from '../classes/ClassInfoTab';
import { useDownload } from '../../../lib/useDownload';
import { useDeleteSession, useSessions } from './api';
import { nextSession, SessionModal } from './SessionModal';
import { SessionQrModal } from './SessionQrModal';
import { ListTable } from '../../../lib/ListTable';

/**
 * "Buổi học": the sessions in date order; the organiser adds and corrects them, prints each
 * session's pre-filled sign-in sheet and shows its check-in QR code.
 */
export function SessionsTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const sessions = useSessions(cls.id);
  const remove = useDeleteSession();
  const dl = useDownload();
  const [editing, setEditing] = useState<ClassSession | null>(null);
  const [open, setOpen] = useState(false);
  const [qrFor, setQrFor] = useState<ClassSession | null>(null);
  const items = useMemo(() => sessions.data?.items ?? [], [sessions.data]);
  const next = useMemo(() => nextSession(cls, items), [cls, items]);
  const editable = isEditable(cls);
  // the sign-in sheets are the organiser's documents, for its readers too; the check-in QR is shown by its editors
  const sheets = cls.readsAll && !cls.headcount;
  const qr = cls.canManage && !cls.headcount;

  const sheet = (s: ClassSession, ext: 'docx' | 'pdf') =>
    void dl.run(`${ext}-${s.id}`, () =>
      download(ext === 'pdf' ? routes.training.signInPdf : routes.training.signInDocx, { params: { id: s.id } }),
    );
  const del = async (s: ClassSession) => {
    try {
      await remove.mutateAsync(s.id);
      void message.success(t('sessions.deleted'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <div>
      {editable && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="session-add"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('sessions.add')}
          </Button>
        </Flex>
      )}
      {sessions.error && <Alert type="error" showIcon title={errorMessage(sessions.error)} />}
      <ListTable<ClassSession>
        label={t('tab.sessions')}
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('sessions.none') }}
        columns={[
          { key: 'date', title: t('field.date'), render: (_, s) => formatDate(s.date) },
          { key: 'part', title: t('field.part'), render: (_, s) => t(`sessionPart.${s.part}`) },
          { key: 'hours', title: t('sessions.hours'), render: (_, s) => `${s.startsAt}–${s.endsAt}` },
          { key: 'topic', title: t('field.topic'), render: (_, s) => s.topic ?? '' },
          { key: 'lecturer', title: t('field.lecturer'), render: (_, s) => s.lecturer ?? '' },
          ...(sheets || qr || editable
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, s: ClassSession) => (
                    <Space size={4} wrap>
                      {sheets && (
                        <>
                          <Tooltip title={t('sessions.sheetDocx')}>
                            <Button
                              size="small"
                              icon={<FileWordOutlined />}
                              aria-label={t('sessions.sheetDocx')}
                              loading={dl.busy === `docx-${s.id}`}
                              onClick={() => sheet(s, 'docx')}
                            />
                          </Tooltip>
                          <Tooltip title={t('sessions.sheetPdf')}>
                            <Button
                              size="small"
                              icon={<FilePdfOutlined />}
                              aria-label={t('sessions.sheetPdf')}
                              loading={dl.busy === `pdf-${s.id}`}
                              onClick={() => sheet(s, 'pdf')}
                            />
                          </Tooltip>
                        </>
                      )}
                      {qr && (
                        <Button size="small" icon={<QrcodeOutlined />} onClick={() => setQrFor(s)}>
                          {t('sessions.qr')}
                        </Button>
                      )}
                      {editable && (
                        <>
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('common:action.edit')}
                            onClick={() => {
                              setEditing(s);
                              setOpen(true);
                            }}
                          />
                          <Popconfirm
                            title={t('sessions.deleteConfirm', {
                              date: formatDate(s.date),
                              part: t(`sessionPart.${s.part}`),
                            })}
                            okText={t('common:action.delete')}
                            okButtonProps={{ danger: true }}
                            cancelText={t('common:action.cancel')}
                            onConfirm={() => void del(s)}
                          >
                            <Button
                              size="small"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('common:action.delete')}
                            />
                          </Popconfirm>
                        </>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SessionModal cls={cls} session={editing} next={next} open={open} onClose={() => setOpen(false)} />
      <SessionQrModal session={qrFor} onClose={() => setQrFor(null)} />
    </div>
  );
}
