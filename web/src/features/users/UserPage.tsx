import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, KeyOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@canbo/contract';
import { StaleAlert, useVersionedSave } from '../../lib/useVersionedSave';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ChangeHistory } from '../audit/ChangeHistory';
import { useUpdateUser, useUser } from './api';
import { GrantsCard } from './GrantsCard';
import { ResetPasswordModal } from './ResetPasswordModal';

export function UserPage() {
  const params: { id?: string } = useParams({ strict: false });
  const { t } = useTranslation('users');
  const q = useUser(Number(params.id));
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(q.error)} />;
  }
  return <UserDetail user={q.data} reload={() => q.refetch()} />;
}

function UserDetail({ user, reload }: { user: User; reload: () => Promise<unknown> }) {
  const { t } = useTranslation('users');
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; disabled: boolean }>();
  const update = useUpdateUser(user.id);
  const [resetting, setResetting] = useState(false);
  const { stale, save: saveVersioned, clearStale } = useVersionedSave(form);

  useEffect(() => {
    form.setFieldsValue({ displayName: user.displayName, disabled: user.disabled });
  }, [form, user]);

  const save = async (v: { displayName: string; disabled: boolean }) => {
    const send = () =>
      saveVersioned(() =>
        update.mutateAsync({ version: user.version, displayName: v.displayName, disabled: v.disabled }),
      );
    if (v.disabled && !user.disabled) {
      modal.confirm({
        title: t('disableConfirm', { login: user.login }),
        okText: t('common:action.confirm'),
        okButtonProps: { danger: true },
        cancelText: t('common:action.cancel'),
        onOk: send,
      });
    } else await send();
  };

  return (
    <div>
      <Link to="/users">
        <Space size={4} style={{ marginBottom: 8 }}>
          <ArrowLeftOutlined />
          {t('listTitle')}
        </Space>
      </Link>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {user.displayName}{' '}
          {user.disabled ? <Tag color="red">{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>}
        </Typography.Title>
        <Button icon={<KeyOutlined />} onClick={() => setResetting(true)}>
          {t('resetPassword')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('details')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'login', label: t('login'), children: <span translate="no">{user.login}</span> },
                ...(user.isSuperadmin ? [{ key: 'sa', label: t('superadmin'), children: t('common:yes') }] : []),
                {
                  key: 'person',
                  label: t('person'),
                  children: user.personId ? (
                    <Link to="/people/$id" params={{ id: String(user.personId) }}>
                      {user.personName}
                    </Link>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'last',
                  label: t('lastLoginAt'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('never'),
                },
              ]}
            />
            <StaleAlert stale={stale} onReload={() => reload().then(clearStale)} />
            <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
              <Form.Item
                name="displayName"
                label={t('displayName')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('required', { field: t('displayName').toLowerCase() }),
                  },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="disabled" label={t('disabledLabel')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common:action.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <GrantsCard user={user} />
        </Col>
        <Col span={24}>
          <Card size="small" title={t('common:history.title')}>
            <ChangeHistory entity="user" entityId={user.id} />
          </Card>
        </Col>
      </Row>
      <ResetPasswordModal user={user} open={resetting} onClose={() => setResetting(false)} />
    </div>
  );
}
