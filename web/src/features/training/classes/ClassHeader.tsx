import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '@canbo/contract';
import { ClassStatusTag } from '../labels';
import { classDates } from './classDates';
import { ClassWorkflow } from './ClassWorkflow';
import { StatusHistoryButton } from './StatusHistory';

/** The class at a glance: who holds it, when, where it stands, how its seats are taken, and its next steps. */
export function ClassHeader({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  return (
    <Card size="small">
      <Link to="/training/classes">
        <Space size={4} style={{ marginBottom: 8 }}>
          <ArrowLeftOutlined />
          {t('list.title')}
        </Space>
      </Link>
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {cls.name}{' '}
            <span data-testid="class-status">
              <ClassStatusTag status={cls.status} />
            </span>
          </Typography.Title>
          <Typography.Text type="secondary">
            {[cls.organiserUnitName, t(`classLevel.${cls.level}`), cls.kindName, classDates(cls)].join(' · ')}
          </Typography.Text>
          {cls.headcount && (
            <div>
              <Tag color="purple" style={{ marginTop: 4 }}>
                {t('headcount.badge')}
              </Tag>
            </div>
          )}
        </div>
        <Space wrap>
          <ClassWorkflow cls={cls} />
          <StatusHistoryButton classId={cls.id} />
        </Space>
      </Flex>
      {!cls.headcount && (
        <Row gutter={[16, 8]} style={{ marginTop: 12 }} data-testid="class-seats">
          <Col xs={12} sm={6}>
            <Statistic title={t('seats.allocated')} value={cls.seatsAllocated} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t('seats.seated')} value={cls.seated} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t('seats.waitlisted')} value={cls.waitlisted} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t('seats.capacity')} value={cls.capacity ?? t('seats.unlimited')} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
