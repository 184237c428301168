import { useState } from 'react';
import { App, DatePicker, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Position } from '@canbo/contract';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { errorMessage } from '../../lib/errors';
import { useUpdatePosition } from './usePositions';

/** Ending a position is the confirmation itself: it names who, what and where, and asks for the date. */
export function EndPositionModal({ position, onClose }: { position: Position | null; onClose: () => void }) {
  return position ? <EndPositionDialog key={position.id} position={position} onClose={onClose} /> : null;
}

function EndPositionDialog({ position, onClose }: { position: Position; onClose: () => void }) {
  const { t } = useTranslation('positions');
  const { message } = App.useApp();
  const update = useUpdatePosition();
  const [date, setDate] = useState<Dayjs | null>(() => dayjs());
  const ok = async () => {
    try {
      await update.mutateAsync({ id: position.id, version: position.version, endDate: toIsoDate(date) });
      message.success(t('ended'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open
      title={t('endTitle')}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={t('end')}
      okButtonProps={{ danger: true, disabled: !date }}
      cancelText={t('common:action.cancel')}
      confirmLoading={update.isPending}
    >
      <Typography.Paragraph>
        {t('endConfirm', {
          title: t(`common:title.${position.title}`),
          person: position.personName,
          unit: position.unitName,
        })}
      </Typography.Paragraph>
      <DatePicker
        aria-label={t('endDate')}
        value={date}
        onChange={setDate}
        format={DATE_FORMAT}
        style={{ width: '100%' }}
        disabledDate={(d) => d.isBefore(dayjs(position.startDate), 'day')}
      />
    </Modal>
  );
}
