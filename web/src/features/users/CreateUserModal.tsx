import { App, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { enumOptions } from '../../lib/enumOptions';
import { PersonSelect } from '../people/PersonSelect';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateUser } from './api';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  login: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  personId?: number | null;
  grants: { unitId?: number | null; role?: Role }[];
}

const NEW_USER: Partial<Values> = { grants: [{ role: 'viewer' }] };

/** New account: staff get roles on units; a cadre's own account is linked to the cadre's record. */
export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (u: User) => void;
}) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();

  const submit = async (v: Values) => {
    const u = await create.mutateAsync({
      login: v.login,
      displayName: v.displayName,
      password: v.password,
      personId: v.personId ?? null,
      grants: (v.grants ?? []).filter((g) => g.unitId && g.role).map((g) => ({ unitId: g.unitId!, role: g.role! })),
    });
    message.success(t('created'));
    onCreated(u);
  };

  const required = (f: string) => [
    { required: true, whitespace: true, message: t('required', { field: t(f).toLowerCase() }) },
  ];
  return (
    <FormModal<Values>
      open={open}
      title={t('createTitle')}
      width={720}
      form={form}
      initialValues={NEW_USER}
      onSubmit={submit}
      pending={create.isPending}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="login" label={t('login')} extra={t('loginHint')} rules={required('login')}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="displayName" label={t('displayName')} rules={required('displayName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <NewPasswordFields half />
        <Col span={24}>
          <Form.Item name="personId" label={t('person')} extra={t('personHint')}>
            <PersonSelect />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('grants')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('grantsHint')}</Typography.Paragraph>
      <Form.List name="grants">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top" wrap={false}>
                <Col flex="auto">
                  <Form.Item
                    name={[f.name, 'unitId']}
                    rules={[{ required: true, message: t('requiredChoose', { field: t('unit').toLowerCase() }) }]}
                  >
                    <UnitSelect aria-label={t('unit')} placeholder={t('unit')} />
                  </Form.Item>
                </Col>
                <Col flex="140px">
                  <Form.Item
                    name={[f.name, 'role']}
                    rules={[{ required: true, message: t('requiredChoose', { field: t('role').toLowerCase() }) }]}
                  >
                    <Select aria-label={t('role')} options={enumOptions(t, 'role', roles)} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common:action.delete')}
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ role: 'viewer' })}>
              {t('addGrant')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
