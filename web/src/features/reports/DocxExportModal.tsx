import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export interface DocxValues {
  number?: number | null;
  signerTitle?: string;
  signerName?: string;
  recipients?: string;
}

/** What a report's .docx needs from the user: its number, the signer and the recipients. */
export function DocxExportModal({
  open,
  busy,
  onCancel,
  onOk,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onOk: (v: DocxValues) => void;
}) {
  const { t } = useTranslation('reports');
  const [form] = Form.useForm<DocxValues>();
  return (
    <Modal
      open={open}
      title={t('docxTitle')}
      okText={t('docxOk')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onOk(form.getFieldsValue())}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ signerTitle: 'Bí thư', recipients: t('recipientsDefault') }}>
        <Form.Item name="number" label={t('number')} extra={t('numberHint')}>
          <InputNumber min={1} max={99999} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('signerTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="signerName" label={t('signerName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="recipients" label={t('recipients')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
