import { useState } from 'react';
import { Alert, Button, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useFixedPaging } from '../../lib/paging';
import { usePersonStudies } from './api';
import { StudiesTable } from './StudiesTable';
import { StudyFormModal } from './StudyFormModal';

/** The "Học tập dài hạn" tab of a cadre's page: their studies, newest first. */
export function PersonStudies({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation('studies');
  const paging = useFixedPaging(20);
  const list = usePersonStudies(personId, { page: paging.page, pageSize: 20, sort: 'startDate', order: 'desc' });
  const [adding, setAdding] = useState(false);

  return (
    <div>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        </Flex>
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <StudiesTable
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={paging.pagination(list.data?.total)}
        show={[]}
      />
      <StudyFormModal open={adding} onClose={() => setAdding(false)} personId={personId} />
    </div>
  );
}
