import { useMemo } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCHEME_MAX_YEARS, type Scheme } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { DATE_FORMAT } from '../../lib/format';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateScheme, useUpdateScheme } from './api';
import {
  createBody,
  newSchemeValues,
  onFormFields,
  periodYears,
  toFormValues,
  updateBody,
  type SchemeFormValues,
} from './schemeForm';
import { TargetsEditor } from './TargetsEditor';

const half = { xs: 24, md: 12 };
const quarter = { xs: 12, md: 6 };

/**
 * A scheme with its targets, in one form: a new one, or an edit of `scheme` (its targets are sent
 * as a whole, with the version the form was opened on).
 */
export function SchemeFormModal({
  open,
  onClose,
  scheme,
  issuingUnitId = null,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  /** The scheme to edit; left out for a new one. */
  scheme?: Scheme | null;
  /** The issuing unit proposed for a new scheme. */
  issuingUnitId?: number | null;
  onSaved?: (s: Scheme) => void;
}) {
  const { t } = useTranslation('schemes');
  const { message } = App.useApp();
  const [form] = Form.useForm<SchemeFormValues>();
  const create = useCreateScheme();
  const update = useUpdateScheme(scheme?.id ?? 0);
  const startYear = Form.useWatch('startYear', form);
  const endYear = Form.useWatch('endYear', form);
  const years = periodYears(startYear, endYear);

  const initialValues = useMemo(
    () => (scheme ? toFormValues(scheme) : newSchemeValues(issuingUnitId)),
    [scheme, issuingUnitId],
  );

  const submit = async () => {
    // the whole store: a target keeps what the form does not show (its id)
    const v = form.getFieldsValue(true) as SchemeFormValues;
    const body = createBody(v);
    let saved: Scheme;
    try {
      saved = scheme ? await update.mutateAsync(updateBody(scheme, v)) : await create.mutateAsync(body);
    } catch (err) {
      throw onFormFields(err, body);
    }
    void message.success(scheme ? t('common:saved') : t('added'));
    onSaved?.(saved);
    onClose();
  };

  const f = (name: string) => t(`field.${name}`);
  const required = (name: string, choice = false) => [
    {
      required: true,
      ...(choice ? {} : { whitespace: true }),
      message: t(choice ? 'training:requiredChoose' : 'required', { field: f(name).toLowerCase() }),
    },
  ];

  return (
    <FormModal<SchemeFormValues>
      open={open}
      name="schemeForm"
      title={scheme ? t('editTitle') : t('addTitle')}
      width={900}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={create.isPending || update.isPending}
      onClose={onClose}
    >
      <Form.Item name="name" label={f('name')} rules={required('name')}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="code" label={f('code')} rules={required('code')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="issuingUnitId" label={f('issuingUnitId')} rules={required('issuingUnitId', true)}>
            <UnitSelect status="active" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="decision" label={f('decision')}>
            <Input maxLength={100} placeholder="05-ĐA/TĐTN" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="decisionDate" label={f('decisionDate')}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item name="startYear" label={f('startYear')} rules={required('startYear', true)}>
            <InputNumber min={1900} max={2199} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item
            name="endYear"
            label={f('endYear')}
            dependencies={['startYear']}
            rules={[
              ...required('endYear', true),
              ({ getFieldValue }) => ({
                validator: (_, end: number | null | undefined) => {
                  const start = getFieldValue('startYear') as number | null | undefined;
                  if (!start || !end) return Promise.resolve();
                  if (end < start) return Promise.reject(new Error(t('endBeforeStart')));
                  if (end - start >= SCHEME_MAX_YEARS)
                    return Promise.reject(new Error(t('tooLong', { count: SCHEME_MAX_YEARS })));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={1900} max={2199} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={f('description')}>
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Divider titlePlacement="start">{f('targets')}</Divider>
      <TargetsEditor years={years} />
    </FormModal>
  );
}
