import { useState } from 'react';
import { Alert, Flex, Spin } from 'antd';
import { errorMessage } from '../../lib/errors';
import { today } from '../../lib/format';
import { usePersonYear } from './api';
import { VisitYearSelect, VisitYearView } from './VisitYearView';

/** The grassroots visits section of a cadre's record: a year's days against the requirement and trips. */
export function PersonVisits({ personId }: { personId: number }) {
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const data = usePersonYear(personId, year);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <Flex justify="flex-end">
        <VisitYearSelect value={year} onChange={setYear} />
      </Flex>
      {data.isLoading ? (
        <Spin />
      ) : data.data ? (
        <VisitYearView year={data.data} own={false} />
      ) : (
        <Alert type="error" showIcon title={errorMessage(data.error)} />
      )}
    </Flex>
  );
}
