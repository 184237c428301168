import { useState } from 'react';
import { Button, Space } from 'antd';
import {
  CheckCircleOutlined,
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
 * unit itself is its superior's (`canRestructure`); a dissolved unit has none.
 */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('units');
  const [open, setOpen] = useState<Action | null>(null);
  // A grant on the parent reaches the unit too, so `canRestructure` implies `canEdit`.
  if (!unit.canEdit || unit.status === 'dissolved') return null;
  const close = () => setOpen(null);
  const btn = (a: Action, label: string, icon: React.ReactNode, danger = false) => (
    <Button key={a} icon={icon} danger={danger} onClick={() => setOpen(a)}>
      {label}
    </Button>
  );
  return (
    <>
      <Space wrap size={[8, 8]}>
        {unit.canEdit && btn('create', t('action.createChild'), <PlusOutlined />)}
        {unit.canRestructure && (
          <>
            {btn('rename', t('action.rename'), <EditOutlined />)}
            {btn('move', t('action.move'), <SwapOutlined />)}
            {btn('merge', t('action.merge'), <MergeCellsOutlined />)}
            {btn('split', t('action.split'), <SplitCellsOutlined />)}
            {unit.status === 'active'
              ? btn('interim', t('action.interim'), <HourglassOutlined />)
              : btn('activate', t('action.activate'), <CheckCircleOutlined />)}
            {btn('dissolve', t('action.dissolve'), <StopOutlined />, true)}
          </>
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
