import { useNavigate, useRouterState } from '@tanstack/react-router';
import { isoDate } from '@canbo/contract';
import { AsOfControls } from './AsOfControls';
import { UnitTree } from './UnitTree';

/**
 * The left navigator's tree: opens a unit's page; can show the organisation as it stood on a date.
 * The date is the address's `asOf` — the same the units page reads — so one date governs the
 * navigator, the page's tree and its table. On /units the page shows the date picker; here it would
 * be a second one for the same date.
 */
export function UnitTreeNav({ onSelect }: { onSelect?: () => void }) {
  const navigate = useNavigate();
  const { path, search } = useRouterState({
    select: (s) => ({ path: s.location.pathname, search: s.location.search as Record<string, unknown> }),
  });
  const read = isoDate.safeParse(search.asOf);
  const asOf = read.success ? read.data : null;
  const includeEnded = search.ended === 'true' || search.ended === true;
  const current = /^\/units\/(\d+)/.exec(path)?.[1];
  /** What the navigator carries from page to page: its date and whether ended units show. */
  const kept = { ...(asOf ? { asOf } : {}), ...(includeEnded ? { ended: 'true' } : {}) };
  const setKept = (next: { asOf?: string | null; ended?: boolean }) => {
    const merged = { ...search, asOf: undefined, ended: undefined, ...kept };
    if (next.asOf !== undefined) merged.asOf = next.asOf ?? undefined;
    if (next.ended !== undefined) merged.ended = next.ended ? 'true' : undefined;
    void navigate({ to: path, search: merged, replace: true });
  };

  return (
    <div style={{ padding: '8px 8px 0' }}>
      {path !== '/units' && (
        <AsOfControls
          asOf={asOf}
          onAsOf={(d) => setKept({ asOf: d })}
          includeEnded={includeEnded}
          onIncludeEnded={(ended) => setKept({ ended })}
        />
      )}
      <div style={{ marginTop: 8 }}>
        <UnitTree
          asOf={asOf}
          includeEnded={includeEnded}
          selectedId={current ? Number(current) : undefined}
          onOpen={(id) => {
            onSelect?.();
            void navigate({ to: '/units/$id', params: { id: String(id) }, search: kept });
          }}
          onMore={(parentId) => {
            onSelect?.();
            void navigate({
              to: '/units',
              search: { ...kept, view: 'table', ...(parentId ? { within: parentId } : {}) },
            });
          }}
        />
      </div>
    </div>
  );
}
