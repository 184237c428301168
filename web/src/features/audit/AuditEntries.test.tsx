// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { AuditEntry } from '@canbo/contract';
import * as contract from '@canbo/contract';
import i18n from '../../i18n';
import { AuditEntries } from './AuditEntries';
import { HIDDEN_FIELDS, enumOf, isSessionField } from './labels';
import { auditEntries } from './testing/entries';
import { renderInRouter } from './testing/inRouter';

afterEach(cleanup);

/** The entries inside a router (records link to their pages), as the change log page shows them. */
async function renderEntries(items: AuditEntry[]): Promise<HTMLElement> {
  const { container, findAllByTestId } = await renderInRouter(
    <AntApp>
      <AuditEntries items={items} />
    </AntApp>,
  );
  await findAllByTestId('audit-entry');
  return container;
}

/** Every coded value the contract defines, by the enum it belongs to. */
const ENUMS: Record<string, readonly string[]> = {
  'common:gender': contract.genders,
  'common:qualification': contract.qualifications,
  'common:theoryLevel': contract.theoryLevels,
  'common:title': contract.titles,
  'common:employment': contract.employments,
  'common:method': contract.appointmentMethods,
  'common:role': contract.roles,
  'common:unitKind': contract.unitKinds,
  'common:unitStatus': contract.unitStatuses,
  'common:unitEventKind': contract.unitEventKinds,
  'common:organisation': contract.organisations,
  'common:studyKind': contract.studyKinds,
  'common:studyStatus': contract.studyStatuses,
  'common:studyMode': contract.studyModes,
  'common:studyFunding': contract.studyFundings,
  'common:diplomaGrade': contract.diplomaGrades,
  'common:moveKind': contract.moveKinds,
  'training:classLevel': contract.classLevels,
  'training:classStatus': contract.classStatuses,
  'training:classMode': contract.classModes,
  'training:sessionPart': contract.sessionParts,
  'training:enrolmentStatus': contract.enrolmentStatuses,
  'training:mark': contract.attendanceMarks,
  'training:grade': contract.grades,
  'training:outcome': contract.outcomes,
  'training:certStatus': contract.certificateStatuses,
  'schemes:metric': contract.schemeMetrics,
  'audit:dayCounting': contract.visitDayCountings,
};

/** A code standing alone in the text (not part of a longer word). */
const token = (code: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${code}($|[^\\p{L}\\p{N}_])`, 'u');

describe('the change log renderer', () => {
  it('covers every kind of record the log files', () => {
    expect(new Set(auditEntries.map((e) => e.entity))).toEqual(new Set(contract.auditEntities));
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`shows every real entry in ${lang === 'vi' ? 'Vietnamese' : 'English'}: no code, no id, no JSON`, async () => {
      await i18n.changeLanguage(lang);
      const container = await renderEntries(auditEntries);
      const text = container.textContent ?? '';
      expect(text).not.toMatch(/#\d/);
      expect(text).not.toMatch(/\{"\w+":/);
      // every field is named by its label, never by its key; every action and value in words (in
      // English a plain word like "status" is English too: there only keys that read as code)
      const isCode = (w: string) => (lang === 'vi' ? /[A-Z_]/.test(w) || w.length > 4 : /[A-Z_]/.test(w));
      const fields = new Set(auditEntries.flatMap((e) => e.changes.map((c) => c.field)));
      for (const field of fields) {
        if (HIDDEN_FIELDS.has(field) || isSessionField(field)) continue;
        if (isCode(field)) expect(text, field).not.toMatch(token(field));
      }
      for (const action of new Set(auditEntries.map((e) => e.action))) {
        if (lang === 'vi' || isCode(action)) expect(text, action).not.toMatch(token(action));
      }
      for (const values of Object.values(ENUMS)) {
        for (const v of values) if (lang === 'vi' || isCode(v)) expect(text, v).not.toMatch(token(v));
      }
      for (const e of container.querySelectorAll('[data-field]')) {
        const label = e.querySelector('strong')?.textContent ?? '';
        expect(label, e.getAttribute('data-field') ?? '').not.toBe(e.getAttribute('data-field'));
      }
    });
  }

  it('reads values by their meaning: statuses, marks, parts of day, lists, rules, ids by name', async () => {
    await i18n.changeLanguage('vi');
    const container = await renderEntries(auditEntries);
    const entry = (id: number) =>
      container.querySelectorAll('[data-testid="audit-entry"]')[auditEntries.findIndex((e) => e.id === id)]!;
    const field = (id: number, f: string) => entry(id).querySelector(`[data-field="${f}"]`)?.textContent ?? '';
    const at = (entity: string, action: string) =>
      auditEntries.find((e) => e.entity === entity && e.action === action)!.id;

    expect(entry(at('enrolment', 'confirm')).textContent).toContain('Triệu tập');
    expect(field(at('enrolment', 'confirm'), 'status')).toBe('Trạng thái: Đã cử → Đã triệu tập');
    expect(field(at('training_class', 'open'), 'status')).toBe('Trạng thái: Đã có kế hoạch → Đang nhận cử học viên');
    expect(field(100016, '13/06/2023 Sáng (#1)')).toBe('Điểm danh 13/06/2023 (Sáng): Có mặt → Đi muộn');
    expect(field(100009, 'part')).toBe('Buổi: Sáng → Chiều');
    expect(field(100018, 'targetTitles')).toBe('Chức danh đối tượng: Bí thư; Phó Bí thư → Bí thư');
    expect(field(100018, 'completionRule')).toBe(
      'Điều kiện hoàn thành: Chuyên cần tối thiểu 80 %, xếp loại từ Trung bình → Chuyên cần tối thiểu 90 %, xếp loại từ Khá',
    );
    expect(field(100018, 'organiserUnitName')).toBe('Đơn vị tổ chức: Tỉnh đoàn Lâm Đồng → Tỉnh đoàn Đắk Nông');
    expect(entry(100018).querySelector('[data-field="organiserUnitId"]')).toBeNull();
    expect(field(100018, 'mode')).toBe('Hình thức tổ chức: Trực tiếp → Kết hợp trực tiếp và trực tuyến');
    // an id the server named is a link to the record's page; one outside the reader's scope says so
    const user = entry(100001).querySelector('[data-field="personId"]')!;
    expect(user.querySelector('a')?.getAttribute('href')).toBe('/people/177');
    expect(user.textContent).toBe('Cán bộ: — → Trần Văn Bình');
    expect(field(100020, 'personId')).toBe('Cán bộ: Trần Văn Bình → (ngoài phạm vi được xem)');
    expect(field(100020, 'classId')).toBe('Lớp bồi dưỡng: (ngoài phạm vi được xem) → (ngoài phạm vi được xem)');
    // the record an entry is about, by name, with the page it belongs to
    const trainee = entry(at('enrolment', 'attendance')).querySelector('[data-testid="audit-record"]')!;
    expect(trainee.textContent).toMatch(/^Học viên: .+ · Lớp bồi dưỡng chức danh/);
    expect(trainee.querySelector('a')?.getAttribute('href')).toBe('/training/classes/1');
    const person = entry(100021).querySelector('[data-testid="audit-record"]')!;
    expect(person.textContent).toBe('Cán bộ: Trần Văn Bình');
    expect(person.querySelector('a')?.getAttribute('href')).toBe('/people/177');
    expect(entry(100020).querySelector('[data-testid="audit-record"]')?.textContent).toBe(
      'Chức danh: (ngoài phạm vi được xem)',
    );
  });

  it('has a word in Vietnamese and in English for every value of every enum it reads', () => {
    const missing: string[] = [];
    for (const lang of ['vi', 'en']) {
      for (const [key, values] of Object.entries(ENUMS)) {
        for (const v of values) {
          if (!i18n.exists(`${key}.${v}`, { lng: lang })) missing.push(`${lang} ${key}.${v}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // and every field it reads coded values from points to one of them
    for (const f of ['status', 'kind', 'title', 'grade', 'part', 'mode', 'level', 'dayCounting', 'metric']) {
      for (const entity of contract.auditEntities) {
        const key = enumOf(f, entity);
        if (key) expect(Object.keys(ENUMS), `${entity}.${f}`).toContain(key);
      }
    }
  });
});
