import { Alert, Card, List, Spin, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useReportList } from './api';

/** /reports: the reports the account may run. */
export function ReportsListPage() {
  const { t } = useTranslation('reports');
  const list = useReportList();
  if (list.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (list.error) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('listTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('listHint')}</Typography.Paragraph>
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        renderItem={(r) => (
          <List.Item>
            <Link to="/reports/$name" params={{ name: r.name }}>
              {r.title}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
