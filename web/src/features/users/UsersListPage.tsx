import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Input, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { ListTable } from '../../lib/ListTable';

/** Accounts the admin manages: search, page, open one, add one. */
export function UsersListPage() {
  const { t } = useTranslation('users');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const paging = usePaging();
  const { restart } = paging;
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => {
      setQ(text.trim());
      restart();
    }, 350);
    return () => clearTimeout(h);
  }, [text, restart]);
  const list = useUsers({ q: q || undefined, page: paging.page, pageSize: paging.pageSize });

  return (
    <div>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('listTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('add')}
        </Button>
      </Flex>
      <Input.Search
        allowClear
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(s) => {
          setQ(s.trim());
          paging.restart();
        }}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<User>
        label={t('listTitle')}
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common:table.empty') }}
        pagination={paging.pagination(list.data?.total)}
        columns={[
          {
            title: t('login'),
            key: 'login',
            render: (_, u) => (
              // A login is a name typed by hand, never a word to translate (nor a code to explain).
              <Link to="/users/$id" params={{ id: String(u.id) }} translate="no">
                {u.login}
              </Link>
            ),
          },
          { title: t('displayName'), dataIndex: 'displayName' },
          {
            title: t('grants'),
            key: 'grants',
            render: (_, u) => (
              <Space size={[0, 4]} wrap>
                {u.isSuperadmin && <Tag color="purple">{t('superadmin')}</Tag>}
                {u.grants.map((g) => (
                  <Tag key={g.id}>
                    {g.unitName}: {t(`common:role.${g.role}`)}
                  </Tag>
                ))}
                {u.personName && (
                  <Tag color="blue">
                    {t('selfAccount')}: {u.personName}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('status'),
            key: 'status',
            render: (_, u) =>
              u.disabled ? <Tag color="red">{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>,
          },
          {
            title: t('lastLoginAt'),
            key: 'lastLoginAt',
            render: (_, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('never')),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          void navigate({ to: '/users/$id', params: { id: String(u.id) } });
        }}
      />
    </div>
  );
}
