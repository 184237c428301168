import { useState } from 'react';
import { Button, Dropdown, Grid, Space } from 'antd';
import {
  CheckCircleOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SplitCellsOutlined,
  StopOutlined,
  SwapOutlined,
  HourglassOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { CreateUnitModal } from './actions/CreateUnitModal';
import { MergeModal } from './actions/MergeModal';
import { MoveModal } from './actions/MoveModal';
import { RenameModal } from './actions/RenameModal';
import { SplitModal } from './actions/SplitModal';
import { StatusModal } from './actions/StatusModal';

type Action = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'interim' | 'activate';

/**
 * A unit's actions: establishing a sub-unit is the unit's own decision (`canEdit`), restructuring the
 * unit itself is its superior's (`canRestructure`); a dissolved unit has none. On a phone the seven
 * buttons filled the first screen: there the restructuring ones go into a "Thêm" menu.
 */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('units');
  const [open, setOpen] = useState<Action | null>(null);
  const phone = !Grid.useBreakpoint().md;
  // A grant on the parent reaches the unit too, so `canRestructure` implies `canEdit`.
  if (!unit.canEdit || unit.status === 'dissolved') return null;
  const close = () => setOpen(null);
  const restructuring: { action: Action; label: string; icon: React.ReactNode; danger?: boolean }[] =
    unit.canRestructure
      ? [
          { action: 'rename', label: t('action.rename'), icon: <EditOutlined /> },
          { action: 'move', label: t('action.move'), icon: <SwapOutlined /> },
          { action: 'merge', label: t('action.merge'), icon: <MergeCellsOutlined /> },
          { action: 'split', label: t('action.split'), icon: <SplitCellsOutlined /> },
          unit.status === 'active'
            ? { action: 'interim', label: t('action.interim'), icon: <HourglassOutlined /> }
            : { action: 'activate', label: t('action.activate'), icon: <CheckCircleOutlined /> },
          { action: 'dissolve', label: t('action.dissolve'), icon: <StopOutlined />, danger: true },
        ]
      : [];
  return (
    <>
      <Space wrap size={[8, 8]}>
        <Button icon={<PlusOutlined />} onClick={() => setOpen('create')}>
          {t('action.createChild')}
        </Button>
        {phone && restructuring.length > 0 ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: restructuring.map((r) => ({ key: r.action, label: r.label, icon: r.icon, danger: r.danger })),
              onClick: ({ key }) => setOpen(key as Action),
            }}
          >
            <Button>
              {t('app:more')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : (
          restructuring.map((r) => (
            <Button key={r.action} icon={r.icon} danger={r.danger} onClick={() => setOpen(r.action)}>
              {r.label}
            </Button>
          ))
        )}
      </Space>
      {open === 'create' && <CreateUnitModal parent={unit} onClose={close} />}
      {open === 'rename' && <RenameModal unit={unit} onClose={close} />}
      {open === 'move' && <MoveModal unit={unit} onClose={close} />}
      {open === 'merge' && <MergeModal unit={unit} onClose={close} />}
      {open === 'split' && <SplitModal unit={unit} onClose={close} />}
      {(open === 'dissolve' || open === 'interim' || open === 'activate') && (
        <StatusModal unit={unit} kind={open} onClose={close} />
      )}
    </>
  );
}
