import { useMemo } from 'react';
import { routes, grades, outcomes, type TrainingClass } from '@canbo/contract';
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
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
 * attendance share and the certificate as printed. A refusal lands on the row and cell it names.
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
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={rows}
                // Fixed layout: the certificate's number and date keep the width they need; a phone scrolls sideways.
                tableLayout="fixed"
                scroll={{ x: 1048 }}
                columns={[
                  { key: 'n', title: '#', width: 40, render: (_, __, i) => i + 1 },
                  {
                    key: 'person',
                    title: t('recorded.person'),
                    width: 300,
                    render: (_, row) => (
                      <Form.Item
                        name={[row.name, 'personId']}
                        rules={requiredRule(t, t('recorded.person'), 'choice')}
                        style={{ margin: 0, minWidth: 260 }}
                      >
                        <PersonSelect />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'outcome',
                    title: t('recorded.outcome'),
                    width: 150,
                    render: (_, row) => (
                      <Form.Item name={[row.name, 'outcome']} style={{ margin: 0 }}>
                        <Select options={labelOptions(t, 'outcome', outcomes)} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'grade',
                    title: t('recorded.grade'),
                    width: 110,
                    render: (_, row) => (
                      <Form.Item name={[row.name, 'grade']} style={{ margin: 0 }}>
                        <Select allowClear options={labelOptions(t, 'grade', grades)} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'attendance',
                    title: t('recorded.attendance'),
                    width: 100,
                    render: (_, row) => (
                      <Form.Item name={[row.name, 'attendancePercent']} style={{ margin: 0 }}>
                        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'certNumber',
                    title: t('recorded.certificateNumber'),
                    width: 150,
                    render: (_, row) => (
                      <Form.Item name={[row.name, 'certificate', 'number']} style={{ margin: 0 }}>
                        <Input maxLength={60} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'certDate',
                    title: t('recorded.certificateDate'),
                    width: 150,
                    render: (_, row) => (
                      <Form.Item name={[row.name, 'certificate', 'issuedOn']} style={{ margin: 0 }}>
                        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'remove',
                    width: 48,
                    render: (_, row) => (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('recorded.remove')}
                        disabled={rows.length === 1}
                        onClick={() => remove(row.name)}
                      />
                    ),
                  },
                ]}
              />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add(newRosterRow())}
                style={{ marginTop: 8 }}
                data-testid="recorded-add"
              >
                {t('recorded.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
