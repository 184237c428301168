import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation, UnitKind } from '@canbo/contract';
import { kindOptions, organisationOptions } from '../options';

/**
 * The fields of a unit being created (alone, as a merge's new unit, or as one of a split's parts).
 * `prefix` places them inside a nested value, e.g. ['newUnit'] or ['into', 0].
 */
export function UnitFields({
  prefix = [],
  organisationRequired = true,
}: {
  prefix?: (string | number)[];
  organisationRequired?: boolean;
}) {
  const { t } = useTranslation('units');
  const name = (n: string): (string | number)[] => [...prefix, n];
  const req = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { field: label.toLowerCase() }),
  });
  const pick = (label: string) => ({ required: true, message: t('form.requiredPick', { field: label.toLowerCase() }) });
  return (
    <Row gutter={12}>
      <Col xs={24} sm={16}>
        <Form.Item name={name('name')} label={t('field.name')} rules={[req(t('field.name')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={name('code')} label={t('field.code')} rules={[req(t('field.code')), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('kind')} label={t('field.kind')} rules={[pick(t('field.kind'))]}>
          <Select options={kindOptions(t)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('organisation')}
          label={t('field.organisation')}
          rules={organisationRequired ? [pick(t('field.organisation'))] : []}
        >
          <Select options={organisationOptions(t)} allowClear={!organisationRequired} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('shortName')} label={t('field.shortName')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={16} sm={8}>
        <Form.Item name={name('place')} label={t('field.place')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={8} sm={4}>
        <Form.Item name={name('interim')} label={t('field.interim')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface NewUnitValues {
  name: string;
  code: string;
  kind: UnitKind;
  organisation: Organisation;
  shortName?: string;
  place?: string;
  interim?: boolean;
}

/** Trim the texts; empty optional texts become null as the API expects. */
export function newUnitBody(v: NewUnitValues) {
  return {
    name: v.name.trim(),
    code: v.code.trim(),
    kind: v.kind,
    organisation: v.organisation,
    shortName: v.shortName?.trim() || null,
    place: v.place?.trim() || null,
    interim: !!v.interim,
  };
}
