import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClassStatus, EnrolmentStatus } from '@canbo/contract';

type TrainingEnum =
  'classLevel' | 'classStatus' | 'classMode' | 'sessionPart' | 'enrolmentStatus' | 'grade' | 'outcome' | 'certStatus';

/** Select options for a training enum, in the words of the contract's labels (training namespace). */
export function labelOptions(t: TFunction, key: TrainingEnum, values: readonly string[]) {
  return values.map((v) => ({ value: v, label: t(`training:${key}.${v}`) }));
}

/** The signing formula's usual titles, as the Union writes them under "TM. BAN THƯỜNG VỤ" (summons, certificates). */
export const SIGNER_TITLES = ['BÍ THƯ', 'PHÓ BÍ THƯ'];

/** Colours that read as the workflow goes: grey before it starts, blue and gold while it runs, green done. */
export const CLASS_STATUS_COLORS: Record<ClassStatus, string> = {
  draft: 'default',
  planned: 'blue',
  open: 'cyan',
  in_progress: 'gold',
  completed: 'green',
  closed: 'purple',
  cancelled: 'red',
};

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const { t } = useTranslation('training');
  return <Tag color={CLASS_STATUS_COLORS[status]}>{t(`classStatus.${status}`)}</Tag>;
}

const ENROLMENT_COLORS: Record<EnrolmentStatus, string> = {
  nominated: 'blue',
  confirmed: 'green',
  waitlisted: 'orange',
  withdrawn: 'default',
};

export function EnrolmentStatusTag({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation('training');
  return <Tag color={ENROLMENT_COLORS[status]}>{t(`enrolmentStatus.${status}`)}</Tag>;
}

/**
 * "Hãy nhập tên lớp" / "Hãy chọn đơn vị tổ chức": the rule of a required field, naming it. Only text
 * may carry `whitespace`: with any key beside `required` the validator checks the value as a string,
 * and a number, a date or a list would be refused.
 */
export function requiredRule(t: TFunction, field: string, kind: 'text' | 'number' | 'choice' = 'text') {
  const message = t(kind === 'choice' ? 'training:requiredChoose' : 'training:required', {
    field: field.toLowerCase(),
  });
  return [kind === 'text' ? { required: true, whitespace: true, message } : { required: true, message }];
}
