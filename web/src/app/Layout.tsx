import { lazy, Suspense, useState } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout as AntLayout, Menu, Spin, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  LogoutOutlined,
  EnvironmentOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  ImportOutlined,
  KeyOutlined,
  MenuOutlined,
  ReadOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Navigate, Outlet, useMatches, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes } from '@canbo/contract';
import { call } from '../api/client';
import { useMe } from '../features/auth/useMe';
import { UnitTreeNav } from '../features/units/UnitTreeNav';
import { canOpen, ROUTE_ACCESS } from './access';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Fetched when first shown, being on no page's first screen: the password form when the user asks
 * for it, the refusal (antd's Result and its pictures) on a page the account may not open.
 */
const ChangePasswordModal = lazy(() =>
  import('../features/auth/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);
const NoAccess = lazy(() => import('./NoAccess').then((m) => ({ default: m.NoAccess })));

const { Header, Sider, Content } = AntLayout;

/** The signed-in shell: menu and unit tree on the left (a drawer on phones), the page on the right. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  // Mounted from the first opening on, so that closing it still plays its animation.
  const [passwordAsked, setPasswordAsked] = useState(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  // The page's route path ("/users/$id"): who may open it is known before the page makes a request.
  const page = useMatches({ select: (ms) => ms[ms.length - 1]?.fullPath as string | undefined });

  if (me.isLoading) return <Spin fullscreen />;
  // Back here after signing in (a phone that scanned a session's QR code lands on /checkin/…); when
  // the expired session already sent the user to /login, keep the address it noted.
  if (!me.data) return <Navigate to="/login" search={path === '/login' ? true : { redirect: path }} />;
  const user = me.data;
  const isSelf = !user.isSuperadmin && user.grants.length === 0;

  // The menu offers only the pages the account may open (the same rule as the page guard below).
  const items = [
    { key: '/dashboard', icon: <DashboardOutlined />, label: t('dashboard:nav') },
    { key: '/units', icon: <ApartmentOutlined />, label: t('nav.units') },
    { key: '/people', icon: <TeamOutlined />, label: t('nav.people') },
    { key: '/training', icon: <ReadOutlined />, label: t('training:nav') },
    { key: '/studies', icon: <BookOutlined />, label: t('studies:nav') },
    { key: '/visits', icon: <EnvironmentOutlined />, label: t('visits:nav') },
    { key: '/schemes', icon: <FlagOutlined />, label: t('schemes:nav') },
    { key: '/reports', icon: <BarChartOutlined />, label: t('reports:nav') },
    { key: '/standards', icon: <SafetyCertificateOutlined />, label: t('standards:nav') },
    { key: '/imports', icon: <ImportOutlined />, label: t('imports:nav') },
    { key: '/visits/me', icon: <EnvironmentOutlined />, label: t('visits:myTitle') },
    { key: '/users', icon: <UserOutlined />, label: t('nav.users') },
    { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
  ].filter((i) => canOpen(user, i.key));
  // The longest key that prefixes the path: /visits/me is not /visits.
  const selected = items.filter((i) => path.startsWith(i.key)).sort((a, b) => b.key.length - a.key.length)[0]?.key;

  const nav = (
    <>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={items}
        onClick={({ key }) => {
          setDrawer(false);
          void navigate({ to: key });
        }}
      />
      {!isSelf && (
        <div style={{ padding: '8px 8px 16px' }}>
          <Typography.Text type="secondary" style={{ paddingLeft: 16 }}>
            {t('nav.tree')}
          </Typography.Text>
          <UnitTreeNav onSelect={() => setDrawer(false)} />
        </div>
      )}
    </>
  );

  const logout = async () => {
    await call(routes.auth.logout);
    qc.clear();
    void navigate({ to: '/login' });
  };

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: '0 16px',
          background: '#0b3d91',
          color: '#fff',
        }}
      >
        {!screens.md && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            onClick={() => setDrawer(true)}
            aria-label={t('app:openMenu')}
          />
        )}
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('appName')}
        </Typography.Text>
        {screens.md && <Typography.Text style={{ color: '#cfe0ff' }}>{t('appTagline')}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        <Dropdown
          menu={{
            items: [
              {
                key: 'password',
                icon: <KeyOutlined />,
                label: t('auth:changePassword'),
                onClick: () => {
                  setPasswordAsked(true);
                  setChangingPassword(true);
                },
              },
              { key: 'logout', icon: <LogoutOutlined />, label: t('action.logout'), onClick: () => void logout() },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />}>
            {screens.sm ? user.displayName : null}
          </Button>
        </Dropdown>
      </Header>
      {passwordAsked && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
      <AntLayout>
        {screens.md ? (
          <Sider width={300} theme="light" style={{ borderRight: '1px solid #eee', overflow: 'auto' }}>
            {nav}
          </Sider>
        ) : (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={300} title={t('appName')}>
            {nav}
          </Drawer>
        )}
        <Content style={{ padding: screens.md ? 24 : 12, minWidth: 0 }}>
          {page !== undefined && page in ROUTE_ACCESS && !canOpen(user, page) ? (
            <Suspense fallback={null}>
              <NoAccess audience={ROUTE_ACCESS[page]} />
            </Suspense>
          ) : (
            <Outlet />
          )}
        </Content>
      </AntLayout>
    </AntLayout>
  );
}
