import { useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  sessionPartHours,
  sessionParts,
  type ClassSession,
  type SessionPart,
  type TrainingClass,
} from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { labelOptions, requiredRule } from '../labels';
import { useSaveSession } from './api';

interface Values {
  date: Dayjs | null;
  part: SessionPart;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  topic: string | null;
  lecturer: string | null;
}

const TIME = 'HH:mm';
const time = (hhmm: string) => dayjs(`2000-01-01T${hhmm}`);

/** The session after the last one: the afternoon of the same day, or the next morning. */
export function nextSession(cls: TrainingClass, sessions: ClassSession[]): { date: string; part: SessionPart } {
  const last = sessions[sessions.length - 1];
  if (!last) return { date: cls.startDate, part: 'morning' };
  if (last.part === 'morning') return { date: last.date, part: 'afternoon' };
  return { date: dayjs(last.date).add(1, 'day').format('YYYY-MM-DD'), part: 'morning' };
}

/** Add a session (a half day, an evening, a full day) or correct one; its hours are its check-in window. */
export function SessionModal({
  cls,
  session,
  next,
  open,
  onClose,
}: {
  cls: TrainingClass;
  session: ClassSession | null;
  next: { date: string; part: SessionPart };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSession(cls.id);
  const initialValues = useMemo<Values>(() => {
    const s = session ?? { ...next, ...sessionPartHours[next.part], topic: null, lecturer: null };
    return {
      date: dayjs(s.date),
      part: s.part,
      startsAt: time(s.startsAt),
      endsAt: time(s.endsAt),
      topic: s.topic,
      lecturer: s.lecturer,
    };
  }, [session, next]);

  const submit = async (v: Values) => {
    await save.mutateAsync({
      session,
      body: {
        date: toIsoDate(v.date) ?? '',
        part: v.part,
        startsAt: v.startsAt?.format(TIME),
        endsAt: v.endsAt?.format(TIME),
        topic: v.topic?.trim() || null,
        lecturer: v.lecturer?.trim() || null,
      },
    });
    void message.success(t('common:saved'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="session"
      title={session ? t('sessions.edit') : t('sessions.add')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={save.isPending}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="date" label={t('field.date')} rules={requiredRule(t, t('field.date'), 'choice')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="part" label={t('field.part')} rules={requiredRule(t, t('field.part'), 'choice')}>
            <Select
              options={labelOptions(t, 'sessionPart', sessionParts)}
              onChange={(p: SessionPart) =>
                form.setFieldsValue({
                  startsAt: time(sessionPartHours[p].startsAt),
                  endsAt: time(sessionPartHours[p].endsAt),
                })
              }
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="startsAt" label={t('field.startsAt')}>
            <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsAt" label={t('field.endsAt')}>
            <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="topic" label={t('field.topic')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="lecturer" label={t('field.lecturer')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
