import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { VISIT_REPORT_FILE_MAX_BYTES, type VisitTrip } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { errorMessage } from '../../lib/errors';
import { useDeleteReportFile, useFileReport, useUploadReportFile } from './api';
import { ReportFileLink } from './ReportFileLink';

interface Values {
  reportText?: string;
}

const ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png';

/** File (or correct) the short results report of a finished trip, with one attachment. Keyed by the trip. */
export function ReportFormModal({ trip, onClose }: { trip: VisitTrip | null; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileReport();
  const attach = useUploadReportFile();
  const detach = useDeleteReportFile();
  const [chosen, setChosen] = useState<File | null>(null);
  // the attachment as the server last answered (a deletion shows at once)
  const [current, setCurrent] = useState<VisitTrip | null>(trip);
  const initialValues = useMemo<Values>(() => ({ reportText: trip?.reportText ?? '' }), [trip]);

  const submit = async (v: Values) => {
    // the version last seen (opened on, or after removing the attachment): a change by someone else
    // meanwhile is refused (409); the attachment then goes with the version the report left
    const filed = await file.mutateAsync({ id: current!.id, version: current!.version, reportText: v.reportText! });
    if (chosen) await attach.mutateAsync({ id: filed.id, version: filed.version, file: chosen });
    message.success(t('reportFiled'));
    onClose();
  };

  const remove = async () => {
    try {
      setCurrent(await detach.mutateAsync({ id: current!.id, version: current!.version }));
      message.success(t('fileDeleted'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const fileList: UploadFile[] = chosen ? [{ uid: 'chosen', name: chosen.name, status: 'done' }] : [];

  return (
    <FormModal<Values>
      open={trip !== null}
      title={t('fileReport')}
      name="visitReport"
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={file.isPending || attach.isPending}
      onClose={onClose}
    >
      <Form.Item
        name="reportText"
        label={t('reportText')}
        rules={[{ required: true, message: t('required', { field: t('reportText').toLowerCase() }) }]}
      >
        <Input.TextArea rows={6} maxLength={10000} />
      </Form.Item>
      <Form.Item label={t('attachment')} extra={t('attachmentHint')}>
        <Flex vertical gap={8} align="flex-start">
          {current?.reportFile && !chosen && (
            <Flex gap={8} align="center" wrap>
              <ReportFileLink trip={current} />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={detach.isPending}
                aria-label={t('deleteFile')}
                onClick={() => void remove()}
              />
            </Flex>
          )}
          <Upload
            accept={ACCEPT}
            maxCount={1}
            fileList={fileList}
            beforeUpload={(f) => {
              if (f.size > VISIT_REPORT_FILE_MAX_BYTES) {
                void message.error(t('fileTooLarge', { name: f.name }));
              } else {
                setChosen(f);
              }
              return false;
            }}
            onRemove={() => setChosen(null)}
          >
            <Button icon={<UploadOutlined />}>{t(current?.reportFile ? 'replaceFile' : 'chooseFile')}</Button>
          </Upload>
        </Flex>
      </Form.Item>
    </FormModal>
  );
}
