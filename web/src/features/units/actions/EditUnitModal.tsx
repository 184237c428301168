import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation, UnitDetail, UnitKind } from '@canbo/contract';
import { call } from '../../../api/client';
import { kindOptions, organisationOptions } from '../options';
import { ActionModal } from './ActionModal';
import { useUnitAction } from './useUnitAction';

interface Values {
  code: string;
  shortName?: string;
  kind: UnitKind;
  organisation: Organisation;
  place?: string;
}

/**
 * Corrections only (a typo in the code, the place); the version makes a concurrent edit fail with 409.
 * The code, short name, kind and organisation are the superior's to change: read-only without `canRestructure`.
 */
export function EditUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation('units');
  const [form] = Form.useForm<Values>();
  // the version the user started from: a change by someone else meanwhile must fail, even after the page refreshes
  const [version] = useState(unit.version);
  const action = useUnitAction(
    form,
    (v: Values) =>
      call(routes.units.update, {
        params: { id: unit.id },
        body: {
          version,
          code: v.code.trim(),
          shortName: v.shortName?.trim() || null,
          kind: v.kind,
          organisation: v.organisation,
          place: v.place?.trim() || null,
        },
      }),
    { onDone: onClose, successText: t('common:saved') },
  );
  const structural = !unit.canRestructure;
  const req = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { field: label.toLowerCase() }),
  });
  return (
    <ActionModal<Values>
      title={t('edit.title')}
      form={form}
      initialValues={{
        code: unit.code,
        shortName: unit.shortName ?? '',
        kind: unit.kind,
        organisation: unit.organisation,
        place: unit.place ?? '',
      }}
      pending={action.isPending}
      onClose={onClose}
      onSubmit={(v) => action.mutate(v)}
    >
      <Alert
        type="info"
        showIcon
        title={t('edit.hint')}
        description={structural ? t('edit.superiorHint') : undefined}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={t('field.code')} rules={[req(t('field.code')), { max: 50 }]}>
            <Input maxLength={50} disabled={structural} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="shortName" label={t('field.shortName')} rules={[{ max: 100 }]}>
            <Input maxLength={100} disabled={structural} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
            <Select options={kindOptions(t)} disabled={structural} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="organisation" label={t('field.organisation')} rules={[{ required: true }]}>
            <Select options={organisationOptions(t)} disabled={structural} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="place" label={t('field.place')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
