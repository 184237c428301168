import { useState } from 'react';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { AsOfControls } from './AsOfControls';
import { UnitTree } from './UnitTree';

/** The left navigator's tree: opens a unit's page; can show the organisation as it stood on a date. */
export function UnitTreeNav({ onSelect }: { onSelect?: () => void }) {
  const navigate = useNavigate();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [includeEnded, setIncludeEnded] = useState(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const current = /^\/units\/(\d+)/.exec(path)?.[1];

  return (
    <div style={{ padding: '8px 8px 0' }}>
      <AsOfControls asOf={asOf} onAsOf={setAsOf} includeEnded={includeEnded} onIncludeEnded={setIncludeEnded} />
      <div style={{ marginTop: 8 }}>
        <UnitTree
          asOf={asOf}
          includeEnded={includeEnded}
          selectedId={current ? Number(current) : undefined}
          onOpen={(id) => {
            onSelect?.();
            void navigate({ to: '/units/$id', params: { id: String(id) } });
          }}
          onMore={(parentId) => {
            onSelect?.();
            void navigate({ to: '/units', search: parentId ? { within: parentId } : {} });
          }}
        />
      </div>
    </div>
  );
}
