import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '@canbo/contract';
import { ClassStatusTag } from '../labels';
import { classDates } from './classDates';
import { ClassWorkflow } from './ClassWorkflow';
import { StatusHistoryButton } from './StatusHistory';

/**
 * The class at a glance: who holds it, when, where it stands, how its seats are taken, and its next
 * steps. Readers of the organiser see the whole class's seats; a unit editor its own unit's quota
 * (the server counts only those for it), as its lists show only its own trainees; a cadre who is only
 * a trainee sees no seats.
 */
export function ClassHeader({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  const seats = cls.headcount ? null : cls.readsAll ? 'class' : cls.seatsAllocated > 0 ? 'own' : null;
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
      {seats && (
        <Row gutter={[16, 8]} style={{ marginTop: 12 }} data-testid="class-seats" data-seats={seats}>
          <Col xs={12} sm={6}>
            <Statistic
              title={t(seats === 'own' ? 'seats.ownAllocated' : 'seats.allocated')}
              value={cls.seatsAllocated}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t(seats === 'own' ? 'seats.ownSeated' : 'seats.seated')} value={cls.seated} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t(seats === 'own' ? 'seats.ownWaitlisted' : 'seats.waitlisted')} value={cls.waitlisted} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t('seats.capacity')} value={cls.capacity ?? t('seats.unlimited')} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
