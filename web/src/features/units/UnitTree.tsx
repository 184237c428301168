import { useMemo, useState } from 'react';
import { Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Page, UnitTreeNode } from '@canbo/contract';
import { fetchTreeLevel, unitKeys } from './api';

const ROOT = 'root';
const MORE = 'more:';

export interface UnitTreeProps {
  /** yyyy-mm-dd: draw the tree as it stood that day; null for today. */
  asOf: string | null;
  includeEnded: boolean;
  selectedId?: number;
  onOpen: (id: number) => void;
  /** A level has more children than one page: offer the full list of that unit's subtree. */
  onMore?: (parentId: number | null) => void;
}

type Level = Page<UnitTreeNode>;

/**
 * The organisation tree, one level per request. Each opened level is its own query, so a change
 * (invalidating 'units') or another as-of date redraws the opened branches, not just the roots.
 */
export function UnitTree({ asOf, includeEnded, selectedId, onOpen, onMore }: UnitTreeProps) {
  const { t } = useTranslation('units');
  const qc = useQueryClient();
  const [expanded, setExpanded] = useState<string[]>([]);
  const parents = useMemo(() => [ROOT, ...expanded], [expanded]);

  const levels = useQueries({
    queries: parents.map((key) => {
      const parentId = key === ROOT ? null : Number(key);
      return {
        queryKey: unitKeys.tree(parentId, asOf, includeEnded),
        queryFn: () => fetchTreeLevel(parentId, asOf, includeEnded),
        staleTime: 60_000,
      };
    }),
  });

  const byParent = new Map<string, Level>();
  parents.forEach((key, i) => {
    const data = levels[i]?.data;
    if (data) byParent.set(key, data);
  });
  const rootQuery = levels[0];

  const build = (key: string, seen: Set<string>): TreeDataNode[] | undefined => {
    const level = byParent.get(key);
    if (!level) return undefined;
    const nodes: TreeDataNode[] = level.items.map((n) => {
      const k = String(n.id);
      // A unit cannot be its own ancestor, but a stale cache mid-move could draw one: do not recurse forever.
      const children = seen.has(k) ? undefined : build(k, new Set(seen).add(k));
      return {
        key: k,
        isLeaf: !n.hasChildren,
        children,
        title: <NodeTitle node={n} />,
      };
    });
    if (level.total > level.items.length) {
      nodes.push({
        key: MORE + key,
        isLeaf: true,
        selectable: !!onMore,
        title: <Typography.Link>{t('tree.more', { count: level.total - level.items.length })}</Typography.Link>,
      });
    }
    return nodes;
  };
  const treeData = build(ROOT, new Set()) ?? [];
  const loadedKeys = [...byParent.keys()].filter((k) => k !== ROOT);

  if (rootQuery?.isLoading) return <Spin size="small" style={{ display: 'block', margin: 16 }} />;
  if (rootQuery?.isError) return <Typography.Text type="danger">{rootQuery.error.message}</Typography.Text>;
  if (!treeData.length) return <Typography.Text type="secondary">{t('tree.empty')}</Typography.Text>;

  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={loadedKeys}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        const key = String(node.key);
        if (key.startsWith(MORE)) return;
        const parentId = Number(key);
        await qc.fetchQuery({
          queryKey: unitKeys.tree(parentId, asOf, includeEnded),
          queryFn: () => fetchTreeLevel(parentId, asOf, includeEnded),
          staleTime: 60_000,
        });
      }}
      onSelect={(_keys, { node }) => {
        const key = String(node.key);
        if (key.startsWith(MORE)) {
          const parent = key.slice(MORE.length);
          onMore?.(parent === ROOT ? null : Number(parent));
        } else onOpen(Number(key));
      }}
    />
  );
}

function NodeTitle({ node }: { node: UnitTreeNode }) {
  const { t } = useTranslation('units');
  const ended = node.status === 'dissolved';
  return (
    <span title={t(`common:unitKind.${node.kind}`)}>
      <Typography.Text delete={ended} type={ended ? 'secondary' : undefined}>
        {node.name}
      </Typography.Text>
      {node.status === 'interim' && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t('common:unitStatus.interim')}
        </Tag>
      )}
    </span>
  );
}
