import { Card, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../auth/useMe';
import { readProgrammeSearch } from './catalogueSearch';
import { useListSearch } from '../../../lib/listSearch';
import { KindsTable } from './KindsTable';
import { ProgrammesList } from './ProgrammesList';

/**
 * /training/catalogue: training kinds and programmes. The catalogue is shared by the whole
 * organisation; the server lets only superadmins and top-level admins change it and says so when
 * it refuses, so the edit buttons show to every administrator.
 */
export function CataloguePage() {
  const { t } = useTranslation('training');
  const me = useMe();
  const [search, onSearch] = useListSearch('/training/catalogue', readProgrammeSearch);
  const canEdit = hasRole(me.data, 'admin');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Link to="/training/classes">
          <Space size={4}>
            <ArrowLeftOutlined />
            {t('list.title')}
          </Space>
        </Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('catalogue.title')}
        </Typography.Title>
      </div>
      <Card size="small">
        <KindsTable canEdit={canEdit} />
      </Card>
      <Card size="small">
        <ProgrammesList search={search} onSearch={onSearch} canEdit={canEdit} />
      </Card>
    </Space>
  );
}
