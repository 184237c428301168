import type { ReactNode } from 'react';
import { Flex, Space, Typography } from 'antd';

/** A list page's heading with its actions (export, add) beside it, or under it on a phone. */
export function ListHeader({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Space wrap>{children}</Space>
    </Flex>
  );
}
