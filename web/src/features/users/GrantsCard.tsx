import { App, Button, Card, Col, Form, Popconfirm, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type Grant, type Role, type User } from '@canbo/contract';
import { errorMessage, showFieldErrors } from '../../lib/errors';
import { enumOptions } from '../../lib/enumOptions';
import { UnitSelect } from '../units/UnitSelect';
import { useAddGrant, useRemoveGrant } from './api';
import { ListTable } from '../../lib/ListTable';

/** The account's roles on units: add one, revoke one (after confirming). */
export function GrantsCard({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId?: number | null; role: Role }>();
  const add = useAddGrant(user.id);
  const remove = useRemoveGrant(user.id);

  const submit = async (v: { unitId?: number | null; role: Role }) => {
    try {
      await add.mutateAsync({ unitId: v.unitId!, role: v.role });
      message.success(t('grantAdded'));
      form.resetFields();
    } catch (err) {
      if (!showFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };
  const revoke = async (g: Grant) => {
    try {
      await remove.mutateAsync(g.id);
      message.success(t('grantRemoved'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card size="small" title={t('grants')}>
      <ListTable<Grant>
        label={t('grants')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.grants}
        locale={{ emptyText: t('noGrants') }}
        columns={[
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('role'), key: 'role', render: (_, g) => t(`common:role.${g.role}`) },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, g) => (
              <Popconfirm
                title={t('removeGrantConfirm', { role: t(`common:role.${g.role}`), unit: g.unitName })}
                okText={t('removeGrant')}
                okButtonProps={{ danger: true }}
                cancelText={t('common:action.cancel')}
                onConfirm={() => void revoke(g)}
              >
                <Button size="small" danger loading={remove.isPending && remove.variables === g.id}>
                  {t('removeGrant')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'viewer' }}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 16 }}
      >
        <Row gutter={8} align="bottom">
          <Col xs={24}>
            <Form.Item
              name="unitId"
              label={t('unit')}
              rules={[{ required: true, message: t('requiredChoose', { field: t('unit').toLowerCase() }) }]}
            >
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col xs={14} sm={12}>
            <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
              <Select options={enumOptions(t, 'role', roles)} />
            </Form.Item>
          </Col>
          <Col xs={10} sm={12}>
            <Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} block>
                {t('addGrant')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
