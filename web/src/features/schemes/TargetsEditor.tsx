import { Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Switch, Typography } from 'antd';
import type { InputNumberProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { classLevels, schemeMetrics, studyKinds, titles, type SchemeMetric } from '@canbo/contract';
import { enumOptions } from '../../lib/enumOptions';
import { KindSelect } from '../training/catalogue/KindSelect';
import { labelOptions } from '../training/labels';
import { UnitSelect } from '../units/UnitSelect';
import { METRIC_FILTERS, newTarget, newUnitValue, yearKey, type SchemeFormValues, type UnitValue } from './schemeForm';

const half = { xs: 24, md: 12 };

type Translate = ReturnType<typeof useTranslation>['t'];

/** The rule of a field the target cannot do without, its message naming the field. */
const required = (t: Translate, label: string, choice = false) => [
  { required: true, message: t(choice ? 'training:requiredChoose' : 'required', { field: label.toLowerCase() }) },
];

/**
 * A target value (the whole period's, a year's, a unit's): a whole count, or for a share a % of at
 * most 100.
 */
function TargetValueInput({ share, ...props }: { share: boolean } & InputNumberProps<number>) {
  return (
    <InputNumber
      min={0}
      max={share ? 100 : undefined}
      precision={0}
      suffix={share ? '%' : undefined}
      style={{ width: '100%' }}
      {...props}
    />
  );
}

/** The scheme's targets: add, change, remove (after a confirmation); each shows only its metric's filters. */
export function TargetsEditor({ years }: { years: number[] }) {
  const { t } = useTranslation('schemes');
  return (
    <Form.List name="targets">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('target.none')}</Typography.Paragraph>}
          {fields.map((field, i) => (
            <TargetCard key={field.key} name={field.name} n={i + 1} years={years} onRemove={() => remove(field.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newTarget())}>
            {t('target.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function TargetCard({ name, n, years, onRemove }: { name: number; n: number; years: number[]; onRemove: () => void }) {
  const { t } = useTranslation('schemes');
  const form = Form.useFormInstance<SchemeFormValues>();
  const metric = Form.useWatch(['targets', name, 'metric'], form) as SchemeMetric | null | undefined;
  const uses = new Set(metric ? METRIC_FILTERS[metric] : []);
  const share = metric === 'title_training_share';
  // per-unit values are for units within the target's scope (its unit, else the issuing unit's subtree)
  const targetUnit = Form.useWatch(['targets', name, 'unitId'], form) as number | null | undefined;
  const issuingUnit = Form.useWatch('issuingUnitId', form) as number | null | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('target.heading', { n })}
      data-testid={`target-${n}`}
      extra={
        <Popconfirm
          title={t('target.removeConfirm')}
          description={t('target.removeHint')}
          okText={t('common:action.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common:action.cancel')}
          onConfirm={onRemove}
        >
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('target.remove')}
            title={t('target.remove')}
          />
        </Popconfirm>
      }
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={[name, 'metric']} label={t('target.metric')} rules={required(t, t('target.metric'), true)}>
            <Select options={schemeMetrics.map((m) => ({ value: m, label: t(`metric.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[name, 'label']} label={t('target.label')}>
            <Input maxLength={300} placeholder={metric ? t(`metric.${metric}`) : t('target.labelHint')} />
          </Form.Item>
        </Col>
        {uses.has('kindCode') && (
          <Col {...half}>
            <Form.Item name={[name, 'kindCode']} label={share ? t('target.shareKind') : t('target.kindCode')}>
              <KindSelect allowClear placeholder={share ? t('target.shareKindDefault') : t('target.any')} />
            </Form.Item>
          </Col>
        )}
        {uses.has('organiserLevel') && (
          <Col {...half}>
            <Form.Item
              name={[name, 'organiserLevel']}
              label={metric === 'visit_days' ? t('target.unitLevel') : t('target.organiserLevel')}
            >
              <Select allowClear placeholder={t('target.any')} options={labelOptions(t, 'classLevel', classLevels)} />
            </Form.Item>
          </Col>
        )}
        {uses.has('title') && (
          <Col {...half}>
            <Form.Item
              name={[name, 'title']}
              label={t('target.title')}
              rules={share ? required(t, t('target.title'), true) : undefined}
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('target.any')}
                options={enumOptions(t, 'title', titles)}
              />
            </Form.Item>
          </Col>
        )}
        {uses.has('withinMonths') && (
          <Col {...half}>
            <Form.Item
              name={[name, 'withinMonths']}
              label={t('target.withinMonths')}
              rules={required(t, t('target.withinMonths'))}
            >
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {uses.has('studyKinds') && (
          <Col xs={24}>
            <Form.Item name={[name, 'studyKinds']} label={t('target.studyKinds')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('target.any')}
                options={enumOptions(t, 'studyKind', studyKinds)}
              />
            </Form.Item>
          </Col>
        )}
        {uses.has('unitId') && (
          <Col {...half}>
            <Form.Item name={[name, 'unitId']} label={t('target.unitId')} extra={t('target.unitHint')}>
              <UnitSelect allowClear />
            </Form.Item>
          </Col>
        )}
        {uses.has('linkedOnly') && (
          <Col {...half}>
            <Form.Item
              name={[name, 'linkedOnly']}
              label={t('target.linkedOnly')}
              extra={t('target.linkedOnlyHint')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item name={[name, 'total']} label={t('target.total')} rules={required(t, t('target.total'))}>
            <TargetValueInput share={share} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('target.years')}</Typography.Text>
      {years.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('target.yearsPickPeriod')}</Typography.Paragraph>
      ) : (
        <Row gutter={8} style={{ marginTop: 8 }}>
          {years.map((y) => (
            <Col key={y} xs={12} sm={8} md={6}>
              <Form.Item name={[name, 'yearValues', yearKey(y)]} label={String(y)}>
                <TargetValueInput share={share} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
      <UnitValues target={name} within={targetUnit ?? issuingUnit ?? undefined} share={share} />
    </Card>
  );
}

/**
 * A target's optional per-unit values: rows of (unit, value), added and removed freely like the
 * per-year values (a row is only a part of the form, gone for good only when the scheme is saved).
 */
function UnitValues({ target, within, share }: { target: number; within?: number; share: boolean }) {
  const { t } = useTranslation('schemes');
  const form = Form.useFormInstance<SchemeFormValues>();
  const rows = Form.useWatch(['targets', target, 'units'], form) as UnitValue[] | undefined;
  const chosen = (rows ?? []).flatMap((r) => (r?.unitId == null ? [] : [r.unitId]));
  return (
    <>
      <Typography.Text strong>{t('target.units')}</Typography.Text>
      <Form.List name={[target, 'units']}>
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }} data-testid={`target-units-${target + 1}`}>
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary">{t('target.unitsNone')}</Typography.Paragraph>
            )}
            {fields.map((f) => {
              const own = rows?.[f.name]?.unitId;
              return (
                <Row key={f.key} gutter={8} align="top" wrap={false}>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'unitId']} rules={required(t, t('target.unit'), true)}>
                      <UnitSelect
                        aria-label={t('target.unit')}
                        placeholder={t('target.unit')}
                        within={within}
                        exclude={chosen.filter((id) => id !== own)}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[f.name, 'value']} rules={required(t, t('target.unitValue'))}>
                      <TargetValueInput
                        share={share}
                        aria-label={t('target.unitValue')}
                        placeholder={t('target.unitValue')}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('target.removeUnit')}
                      title={t('target.removeUnit')}
                      onClick={() => remove(f.name)}
                    />
                  </Col>
                </Row>
              );
            })}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add(newUnitValue())}>
              {t('target.addUnit')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
