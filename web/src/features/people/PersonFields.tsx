import { Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { genders, qualifications, theoryLevels } from '@canbo/contract';
import { DATE_FORMAT } from '../../lib/format';
import { UnitSelect } from '../units/UnitSelect';
import { useEthnicities } from './api';
import { enumOptions } from '../../lib/enumOptions';

const col = { xs: 24, sm: 12, lg: 8 };

/** Every field of a cadre's record, for creating and editing; names are the API's field names. */
export function PersonFields({ nationalIdMasked = false }: { nationalIdMasked?: boolean }) {
  const { t } = useTranslation('people');
  const ethnicities = useEthnicities();
  const partyMember = Form.useWatch<boolean | undefined>('partyMember');
  const label = (f: string) => t(`field.${f}`);
  const required = (f: string) => [
    { required: true, whitespace: true, message: t('required', { field: label(f).toLowerCase() }) },
  ];
  const choose = (f: string) => [{ required: true, message: t('requiredChoose', { field: label(f).toLowerCase() }) }];
  const section = (key: string) => (
    <Col span={24}>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t(`section.${key}`)}
      </Typography.Title>
    </Col>
  );
  const future = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

  return (
    <Row gutter={16}>
      {section('identity')}
      <Col {...col}>
        <Form.Item name="familyName" label={label('familyName')} rules={required('familyName')}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="middleName" label={label('middleName')}>
          <Input maxLength={80} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="givenName" label={label('givenName')} rules={required('givenName')}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="birthDate" label={label('birthDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={future} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="gender" label={label('gender')} rules={choose('gender')}>
          <Select options={enumOptions(t, 'gender', genders)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="ethnicityCode" label={label('ethnicityCode')} rules={choose('ethnicityCode')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={ethnicities.isLoading}
            options={(ethnicities.data?.items ?? []).map((e) => ({ value: e.code, label: e.name }))}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="religion" label={label('religion')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="nationalId"
          label={label('nationalId')}
          extra={nationalIdMasked ? t('hint.maskedId') : t('hint.nationalId')}
          rules={nationalIdMasked ? [] : [{ pattern: /^\d{12}$/, message: t('hint.nationalId') }]}
        >
          <Input maxLength={12} inputMode="numeric" disabled={nationalIdMasked} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="unitId" label={label('unitId')} rules={choose('unitId')}>
          <UnitSelect allowClear={false} />
        </Form.Item>
      </Col>

      {section('contact')}
      <Col {...col}>
        <Form.Item name="phone" label={label('phone')}>
          <Input maxLength={15} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="email" label={label('email')} rules={[{ type: 'email' }]}>
          <Input maxLength={200} inputMode="email" autoComplete="off" />
        </Form.Item>
      </Col>

      {section('education')}
      <Col {...col}>
        <Form.Item name="partyMember" label={label('partyMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="partyJoinDate" label={label('partyJoinDate')} hidden={!partyMember}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={future} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="generalEducation" label={label('generalEducation')} extra={t('hint.generalEducation')}>
          <Input maxLength={5} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="qualification" label={label('qualification')}>
          <Select options={enumOptions(t, 'qualification', qualifications)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="theoryLevel" label={label('theoryLevel')}>
          <Select options={enumOptions(t, 'theoryLevel', theoryLevels)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="itLevel" label={label('itLevel')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="languageLevel" label={label('languageLevel')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>

      {section('other')}
      <Col {...col}>
        <Form.Item
          name="hardshipArea"
          label={label('hardshipArea')}
          valuePropName="checked"
          extra={t('hint.hardshipArea')}
        >
          <Switch />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={label('notes')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
