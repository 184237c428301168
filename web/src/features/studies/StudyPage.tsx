import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { LinkedSchemes } from '../schemes/SchemeSelect';
import { useStudy } from './api';
import { STATUS_COLOR } from './StudiesTable';
import { StudyFormModal } from './StudyFormModal';

/** /studies/$id: one study of a cadre, with the schemes it serves; its editor corrects it here. */
export function StudyPage() {
  const { t } = useTranslation('studies');
  const id = Number(useParams({ strict: false, select: (p: Record<string, string | undefined>) => p.id }));
  const q = useStudy(id);
  const [editing, setEditing] = useState(false);

  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(q.error)} />;
  }
  const s = q.data;
  const f = (name: string) => t(`field.${name}`);
  const none = <span style={{ color: '#999' }}>—</span>;
  const or = (v: string | null | undefined) => (v ? v : none);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Link to="/people/$id" params={{ id: String(s.personId) }}>
          <Space size={4} style={{ marginBottom: 8 }}>
            <ArrowLeftOutlined />
            {s.personName}
          </Space>
        </Link>
        <Flex wrap justify="space-between" align="flex-start" gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t(`common:studyKind.${s.studyKind}`)}{' '}
              <Tag color={STATUS_COLOR[s.studyStatus]}>{t(`common:studyStatus.${s.studyStatus}`)}</Tag>
            </Typography.Title>
            <Typography.Text type="secondary">{[s.personName, s.unitName, s.institution].join(' · ')}</Typography.Text>
          </div>
          {s.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common:action.edit')}
            </Button>
          )}
        </Flex>
      </Card>
      <Card size="small">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('schemes:links.title')} span={2}>
            <LinkedSchemes owner="study" id={s.id} />
          </Descriptions.Item>
          <Descriptions.Item label={f('institution')}>{s.institution}</Descriptions.Item>
          <Descriptions.Item label={f('major')}>{or(s.major)}</Descriptions.Item>
          <Descriptions.Item label={f('decision')}>{or(s.decision)}</Descriptions.Item>
          <Descriptions.Item label={f('decisionDate')}>{or(formatDate(s.decisionDate))}</Descriptions.Item>
          <Descriptions.Item label={f('studyMode')}>{t(`common:studyMode.${s.studyMode}`)}</Descriptions.Item>
          <Descriptions.Item label={f('funding')}>{t(`common:studyFunding.${s.funding}`)}</Descriptions.Item>
          <Descriptions.Item label={f('startDate')}>{formatDate(s.startDate)}</Descriptions.Item>
          <Descriptions.Item label={f('expectedEndDate')}>{formatDate(s.expectedEndDate)}</Descriptions.Item>
          <Descriptions.Item label={f('endDate')}>{or(formatDate(s.endDate))}</Descriptions.Item>
          <Descriptions.Item label={f('diplomaNumber')}>{or(s.diplomaNumber)}</Descriptions.Item>
          <Descriptions.Item label={f('diplomaGrade')}>
            {s.diplomaGrade ? t(`common:diplomaGrade.${s.diplomaGrade}`) : none}
          </Descriptions.Item>
          <Descriptions.Item label={f('reason')}>{or(s.reason)}</Descriptions.Item>
          <Descriptions.Item label={f('notes')} span={2}>
            {or(s.notes)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <StudyFormModal open={editing} study={editing ? s : null} onClose={() => setEditing(false)} />
    </Space>
  );
}
