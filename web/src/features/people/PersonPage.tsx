import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTabs } from '../../app/PageTabs';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { ApiError } from '../../api/client';
import { useMe } from '../auth/useMe';
import { ChangeHistory } from '../audit/ChangeHistory';
import { PersonPositions } from '../positions/PersonPositions';
import { usePerson } from './api';
import { PersonEditForm } from './PersonEditForm';
import { PersonProfile } from './PersonProfile';
import { PersonMoves } from './moves/PersonMoves';
import { PersonTrainingRecord } from '../training/record/PersonTrainingRecord';
import { PersonStudies } from '../studies/PersonStudies';
import { PersonVisits } from '../visits/PersonVisits';

/** A cadre's record: profile (view / edit), positions held, and who changed what. */
export function PersonPage() {
  const params: { id?: string } = useParams({ strict: false });
  const personId = Number(params.id);
  const { t } = useTranslation('people');
  const me = useMe();
  const q = usePerson(personId);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('profile');

  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(q.error)} />;
  }
  const p = q.data;
  const own = me.data?.personId === p.id;
  const isSelf = !!me.data && !me.data.isSuperadmin && me.data.grants.length === 0;

  const sections = [
    {
      key: 'profile',
      label: t('tab.profile'),
      children: editing ? (
        <PersonEditForm person={p} onDone={() => setEditing(false)} onReload={() => q.refetch()} />
      ) : (
        <PersonProfile person={p} />
      ),
    },
    { key: 'positions', label: t('tab.positions'), children: <PersonPositions personId={p.id} canEdit={p.canEdit} /> },
    {
      key: 'moves',
      label: t('tab.moves'),
      children: <PersonMoves personId={p.id} unitToday={p.unitId} canEdit={p.canEdit} />,
    },
    { key: 'training', label: t('trainingResults:record.tab'), children: <PersonTrainingRecord personId={p.id} /> },
    { key: 'studies', label: t('tab.studies'), children: <PersonStudies personId={p.id} canEdit={p.canEdit} /> },
    { key: 'visits', label: t('visits:nav'), children: <PersonVisits personId={p.id} /> },
    { key: 'history', label: t('tab.history'), children: <ChangeHistory entity="person" entityId={p.id} /> },
  ];

  return (
    <div>
      {!isSelf && (
        <Link to="/people">
          <Space size={4} style={{ marginBottom: 8 }}>
            <ArrowLeftOutlined />
            {t('listTitle')}
          </Space>
        </Link>
      )}
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.fullName} {own && <Tag color="blue">{t('ownRecord')}</Tag>}
          </Typography.Title>
          <Typography.Text type="secondary">
            {[formatDate(p.birthDate), t(`common:gender.${p.gender}`), p.ethnicityName, p.unitName]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
        {p.canEdit && !editing && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => {
              setTab('profile');
              setEditing(true);
            }}
          >
            {t('common:action.edit')}
          </Button>
        )}
      </Flex>
      {!p.canEdit && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <PageTabs activeKey={tab} onChange={setTab} items={sections} />
      </Card>
    </div>
  );
}
