import { useMemo } from 'react';
import { routes, grades, outcomes, type TrainingClass } from '@canbo/contract';
import {
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { DATE_FORMAT } from '../../../lib/format';
import { reportError } from '../../../lib/errors';
import { PersonSelect } from '../../people/PersonSelect';
import { UnitSelect } from '../../units/UnitSelect';
import { KindSelect } from '../catalogue/KindSelect';
import { labelOptions, requiredRule } from '../labels';
import { useTrainingMutation } from '../useTrainingMutation';
import { newRecordedValues, newRosterRow, recordedBody, type RecordedFormValues } from './recordedForm';

/**
 * "Ghi nhận lớp đã tổ chức": a class already held, typed in from its papers in one step — its data,
 * the named roster (anyone the user can see, wherever they work now), each trainee's outcome, grade,
 * attendance share and the certificate as printed (number, date, signing unit: the organiser unless
 * another is chosen). A refusal lands on the trainee and field it names.
 */
export function RecordClassDrawer({
  open,
  organiserUnitId,
  onClose,
  onRecorded,
}: {
  open: boolean;
  organiserUnitId: number | null;
  onClose: () => void;
  onRecorded: (c: TrainingClass) => void;
}) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordedFormValues>();
  const initialValues = useMemo(() => newRecordedValues(organiserUnitId), [organiserUnitId]);
  const record = useTrainingMutation((v: RecordedFormValues) =>
    call(routes.training.recordClass, { body: recordedBody(v) }),
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const c = await record.mutateAsync(form.getFieldsValue(true) as RecordedFormValues);
      void message.success(t('recorded.done'));
      onRecorded(c);
    } catch (err) {
      reportError(form, message, err);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('recorded.title')}
      size={1100}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" loading={record.isPending} onClick={() => void submit()} data-testid="recorded-submit">
            {t('recorded.submit')}
          </Button>
        </Space>
      }
    >
      <Form<RecordedFormValues> form={form} name="recorded" layout="vertical" initialValues={initialValues}>
        <Form.Item name="name" label={t('field.className')} rules={requiredRule(t, t('field.className'))}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="organiserUnitId"
              label={t('field.organiserUnitId')}
              rules={requiredRule(t, t('field.organiserUnitId'), 'choice')}
            >
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kindCode"
              label={t('field.kindCode')}
              rules={requiredRule(t, t('field.kindCode'), 'choice')}
            >
              <KindSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="startDate"
              label={t('field.startDate')}
              rules={requiredRule(t, t('field.startDate'), 'choice')}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="endDate" label={t('field.endDate')} rules={requiredRule(t, t('field.endDate'), 'choice')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="place" label={t('field.place')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="decision" label={t('field.decision')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="roster">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <RosterRow
                  key={row.key}
                  name={row.name}
                  n={i + 1}
                  onRemove={rows.length > 1 ? () => remove(row.name) : undefined}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(newRosterRow())} data-testid="recorded-add">
                {t('recorded.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

/**
 * One trainee as a block of labelled fields rather than a table row: the person (with their unit)
 * and the outcome need room to be read — in a row of eight columns they were cut at 1366 px, and a
 * phone had to scroll sideways. Two lines on a desk (how it went; the certificate), one field a
 * line or two on a phone.
 */
function RosterRow({ name, n, onRemove }: { name: number; n: number; onRemove: (() => void) | undefined }) {
  const { t } = useTranslation('training');
  return (
    <div
      data-testid="recorded-trainee"
      style={{ border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 8, padding: '8px 12px 0', marginBottom: 12 }}
    >
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('recorded.trainee', { n })}</Typography.Text>
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('recorded.remove')}
          disabled={!onRemove}
          onClick={onRemove}
        />
      </Flex>
      <Row gutter={12}>
        <Col xs={24} lg={11}>
          <Form.Item
            name={[name, 'personId']}
            label={t('recorded.person')}
            rules={requiredRule(t, t('recorded.person'), 'choice')}
          >
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name={[name, 'outcome']} label={t('recorded.outcome')}>
            <Select options={labelOptions(t, 'outcome', outcomes)} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name={[name, 'grade']} label={t('recorded.grade')}>
            <Select allowClear options={labelOptions(t, 'grade', grades)} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name={[name, 'attendancePercent']} label={t('recorded.attendance')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={[name, 'certificate', 'number']} label={t('recorded.certificateNumber')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name={[name, 'certificate', 'issuedOn']} label={t('recorded.certificateDate')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={13}>
          <Form.Item name={[name, 'certificate', 'issuingUnitId']} label={t('recorded.signer')}>
            <UnitSelect allowClear placeholder={t('recorded.signerDefault')} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
