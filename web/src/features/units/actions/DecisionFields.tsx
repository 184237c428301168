import { DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../../lib/format';

/** Date, decision number and note: what every restructuring records. */
export function DecisionFields() {
  const { t } = useTranslation('units');
  return (
    <>
      <Form.Item
        name="date"
        label={t('field.date')}
        rules={[{ required: true, message: t('form.requiredPick', { field: t('field.date').toLowerCase() }) }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="decision" label={t('field.decision')} rules={[{ max: 100 }]}>
        <Input placeholder={t('form.decisionHint')} maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
