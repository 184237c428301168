import { useState } from 'react';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { classModes, grades, titles, type Programme, type SchemeLink } from '@canbo/contract';
import { DATE_FORMAT } from '../../../lib/format';
import { enumOptions } from '../../../lib/enumOptions';
import { SchemeSelect } from '../../schemes/SchemeSelect';
import { UnitSelect } from '../../units/UnitSelect';
import { KindSelect } from '../catalogue/KindSelect';
import { labelOptions, requiredRule } from '../labels';
import { endAfter, type ClassFormValues } from './classForm';
import { ProgrammeSelect } from './ProgrammeSelect';

/** Partners most classes name; any other organisation can be typed in. */
const PARTNER_SUGGESTIONS = ['Trường Chính trị tỉnh', 'Trung tâm bồi dưỡng chính trị huyện'];

const half = { xs: 24, md: 12 };
const third = { xs: 24, sm: 12, md: 8 };

/**
 * The fields of a class, for a new class (`create`: organiser unit and the "historical" switch) and
 * for an edit. Picking a programme fills the target titles and, from its standard length, the end date.
 */
export function ClassFields({
  create,
  headcountClass = false,
  currentProgramme,
  currentSchemes,
}: {
  create: boolean;
  /** Editing a class recorded by its headcount: its headcount is edited instead of a roster's settings. */
  headcountClass?: boolean;
  currentProgramme?: { id: number; name: string } | null;
  /** The schemes the class serves already: their names in the scheme field. */
  currentSchemes?: SchemeLink[];
}) {
  const { t } = useTranslation('training');
  const form = Form.useFormInstance<ClassFormValues>();
  const kindCode = Form.useWatch('kindCode', form);
  const switchedOn = Form.useWatch('historical', form) ?? false;
  const historical = create ? switchedOn : headcountClass;
  const [standardDays, setStandardDays] = useState<number | null>(null);

  const pickProgramme = (p: Programme | null) => {
    setStandardDays(p?.standardDays ?? null);
    if (!p) return;
    const start = form.getFieldValue('startDate') as Dayjs | null;
    form.setFieldsValue({
      ...(p.targetTitles.length ? { targetTitles: p.targetTitles } : {}),
      ...(start && p.standardDays ? { endDate: endAfter(start, p.standardDays) } : {}),
    });
  };
  const startPicked = (d: Dayjs | null) => {
    if (d && standardDays && !form.getFieldValue('endDate'))
      form.setFieldsValue({ endDate: endAfter(d, standardDays) });
  };

  return (
    <>
      <Form.Item name="name" label={t('field.className')} rules={requiredRule(t, t('field.className'))}>
        <Input maxLength={300} placeholder={t('form.namePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        {create && (
          <Col {...half}>
            <Form.Item
              name="organiserUnitId"
              label={t('field.organiserUnitId')}
              extra={t('form.levelHint')}
              rules={requiredRule(t, t('field.organiserUnitId'), 'choice')}
            >
              <UnitSelect status="active" />
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item name="kindCode" label={t('field.kindCode')} rules={requiredRule(t, t('field.kindCode'), 'choice')}>
            <KindSelect onChange={() => form.setFieldsValue({ programmeId: null })} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="programmeId" label={t('field.programmeId')}>
            <ProgrammeSelect kindCode={kindCode} current={currentProgramme} onPicked={pickProgramme} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="targetTitles" label={t('field.targetTitles')}>
            <Select mode="multiple" allowClear options={enumOptions(t, 'title', titles)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="partners" label={t('field.partners')} extra={t('form.partnersHint')}>
        <Select mode="tags" allowClear options={PARTNER_SUGGESTIONS.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="startDate"
            label={t('field.startDate')}
            rules={requiredRule(t, t('field.startDate'), 'choice')}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} onChange={startPicked} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="endDate"
            label={t('field.endDate')}
            dependencies={['startDate']}
            rules={[
              ...requiredRule(t, t('field.endDate'), 'choice'),
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | null | undefined;
                  return v && start && v.isBefore(start, 'day')
                    ? Promise.reject(new Error(t('form.endBeforeStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="place" label={t('field.place')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mode" label={t('field.mode')}>
            <Select options={labelOptions(t, 'classMode', classModes)} />
          </Form.Item>
        </Col>
        {!historical && (
          <Col {...half}>
            <Form.Item name="capacity" label={t('field.capacity')} extra={t('form.capacityHint')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item name="decision" label={t('field.decision')}>
            <Input maxLength={100} placeholder={t('form.decisionPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="schemeIds" label={t('schemes:links.title')} extra={t('form.schemesHint')}>
        <SchemeSelect current={currentSchemes} />
      </Form.Item>
      {!historical && (
        <>
          <Divider titlePlacement="start" plain>
            {t('form.completionRule')}
          </Divider>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="minAttendancePercent" label={t('field.minAttendancePercent')}>
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="passGrade" label={t('field.passGrade')}>
                <Select options={labelOptions(t, 'grade', grades)} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      {create && (
        <Form.Item
          name="historical"
          label={t('form.historical')}
          valuePropName="checked"
          extra={t('form.historicalHint')}
        >
          <Switch />
        </Form.Item>
      )}
      {historical && <HeadcountFields />}
    </>
  );
}

/** The reported headcount of a past class: the total, and the breakdown where it is known. */
function HeadcountFields() {
  const { t } = useTranslation('training');
  const n = (name: string, label: string, required = false) => (
    <Col {...third} key={name}>
      <Form.Item
        name={['headcount', name]}
        label={label}
        rules={required ? requiredRule(t, label, 'number') : undefined}
      >
        <InputNumber min={required ? 1 : 0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('field.headcount')}
      </Divider>
      <Row gutter={16}>
        {n('total', t('field.headcountTotal'), true)}
        {n('women', t('field.headcountWomen'))}
        {n('minority', t('field.headcountMinority'))}
        {n('doan', t('field.headcountDoan'))}
        {n('hoi', t('field.headcountHoi'))}
        {n('doi', t('field.headcountDoi'))}
      </Row>
    </>
  );
}
