import type { UnitKind } from '@canbo/contract';

/**
 * Who issues a Union document and how it is numbered and dated (HD 29-HD/TWĐTN-VP): plain text, shared
 * by the Word layouts (docx/official.ts) and the PDF header, and kept apart from them so that the
 * services which only name the issuer do not load the Word library when the server starts.
 */

/** What the header needs to know about the unit whose committee issues the document. */
export interface IssuingUnit {
  name: string;
  kind: UnitKind;
  organisation: string;
  /** Place name printed before the date ("Gia Nghĩa"); the unit's name when unset. */
  place: string | null;
  /** The unit it reports to; null at the top of the tree. */
  parent: { name: string } | null;
}

/** The issuer as the header prints it and as document numbers name it. */
export interface Issuer {
  /** The superior committee above the issuer's own line ("BCH ĐOÀN TỈNH ĐẮK NÔNG"), or null. */
  superior: string | null;
  /** The issuing committee, printed bold ("BCH HUYỆN ĐOÀN CƯ JÚT"). */
  body: string;
  /** The issuer in the number: TWĐTN, TĐTN, HĐTN, ĐTN. */
  code: string;
  /** Whether numbers carry the board that drafted the document ("-BTC", "-VP"). */
  boards: boolean;
  /** The unit's name as the body text calls it ("Huyện đoàn Cư Jút"). */
  name: string;
  place: string;
  /** The organisation's line at the top right. */
  motto: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * Levels whose committee writes its superior above its own name. The central committee and a
 * province head the organisation's own line ("ĐOÀN TNCS HỒ CHÍ MINH" on the right), so they stand alone.
 */
const STANDS_ALONE = new Set<UnitKind>(['central', 'province']);

/**
 * Levels with specialised boards (Ban Tổ chức, Văn phòng, …) whose initials end the number:
 * central, province and district-equivalent unions. Commune, grassroots and branch unions have
 * none, so their numbers end with the issuer ("12-GTT/ĐTN").
 */
const HAS_BOARDS = new Set<UnitKind>(['central', 'province', 'district', 'affiliated', 'sector']);

const MOTTO: Record<string, string> = {
  doan: 'ĐOÀN TNCS HỒ CHÍ MINH',
  hoi: 'HỘI LHTN VIỆT NAM',
  doi: 'ĐỘI TNTP HỒ CHÍ MINH',
};

/**
 * The committee line of a unit: "BCH" and its name in capitals, except that a provincial union is
 * written "ĐOÀN TỈNH …" where its everyday name is "Tỉnh đoàn …" (HD 29's own example).
 */
export function committeeLine(name: string): string {
  const province = /^tỉnh đoàn\s+(.+)$/iu.exec(name.trim());
  return `BCH ${upper(province ? `Đoàn tỉnh ${province[1]}` : name.trim())}`;
}

/**
 * The issuer's initials in a document number ("…/TĐTN-BTC"): the central committee TWĐTN; a
 * province TĐTN (Tỉnh/Thành đoàn); at district level the name's first word decides — Huyện đoàn
 * HĐTN, Quận đoàn QĐTN, Thị đoàn and a provincial city's Thành đoàn TĐTN; every other union ĐTN.
 */
export function issuerCode(name: string, kind: UnitKind): string {
  if (kind === 'central') return 'TWĐTN';
  if (kind === 'province') return 'TĐTN';
  if (kind === 'district') {
    const first = upper(name.trim().split(/\s+/)[0] ?? '');
    if (first === 'HUYỆN') return 'HĐTN';
    if (first === 'QUẬN') return 'QĐTN';
    if (first === 'THỊ' || first === 'THÀNH') return 'TĐTN';
  }
  return 'ĐTN';
}

/**
 * The place name a unit without a recorded place dates its documents from: its name without the
 * organisation's words ("Huyện đoàn Cư Jút" → "Cư Jút", "Đoàn xã Ea Pô" → "Ea Pô"), as HD 29 dates
 * a document by the place, not by the body; other names (a school's union) are kept whole.
 */
export function placeOf(name: string): string {
  const m = /^(?:(?:tỉnh|thành|thị|huyện|quận)\s+đoàn|đoàn\s+(?:xã|phường|thị\s+trấn))\s+(.+)$/iu.exec(name.trim());
  return m?.[1] ?? name.trim();
}

/** Everything the header and the number need, from the issuing unit's kind and name and its parent's. */
export function issuerOf(unit: IssuingUnit): Issuer {
  return {
    superior: unit.parent && !STANDS_ALONE.has(unit.kind) ? committeeLine(unit.parent.name) : null,
    body: committeeLine(unit.name),
    code: issuerCode(unit.name, unit.kind),
    boards: HAS_BOARDS.has(unit.kind),
    name: unit.name,
    place: unit.place?.trim() || placeOf(unit.name),
    motto: MOTTO[unit.organisation] ?? MOTTO.doan!,
  };
}

/** Document types and their letters in the number (HD 29). */
export const DOCUMENT_TYPES = {
  report: 'BC',
  plan: 'KH',
  decision: 'QĐ',
  notice: 'TB',
  summons: 'GTT',
  letter: 'CV',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** Where a number is still to be written by hand: dots, which show as a blank to fill (spaces would collapse). */
export const NUMBER_BLANK = '………';

/**
 * "15-GTT/TĐTN-BTC": number, type, issuer and — where the level has boards — the drafting board.
 * Without a number a dotted blank is left for the office to write in by hand when registering.
 */
export function documentNumber(issuer: Issuer, type: DocumentType, no: number | null, board: string): string {
  const suffix = issuer.boards ? `${issuer.code}-${board}` : issuer.code;
  return `${no ?? NUMBER_BLANK}-${DOCUMENT_TYPES[type]}/${suffix}`;
}

/** "Gia Nghĩa, ngày 23 tháng 01 năm 2024" from a yyyy-mm-dd date. */
export function placeAndDate(issuer: Issuer, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${issuer.place}, ngày ${d} tháng ${m} năm ${y}`;
}
