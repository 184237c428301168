/**
 * Frozen: the Vietnamese sort key and search form as the migrations 0003, 0005, 0007 and 0009 wrote
 * them into existing rows (a copy of `contract/src/vietnamese.ts` at that time). A migration must
 * keep doing what it did when it was written, so it never imports the live rules; when those change,
 * a new migration recomputes the stored keys (`server/src/db/frozen.test.ts` says when).
 */

// The Vietnamese alphabet (with f j w z for foreign names) in dictionary order: ă after a, â after ă, đ after d…
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
// Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (CLDR `vi`).
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
// Marks that make a different letter rather than a tone.
const LETTER_MARKS: Record<string, string> = { '\u0306': 'ă', '\u0302': '^', '\u031B': '+' };

const LETTER_CODE = new Map<string, string>(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]));

interface Letter {
  primary: string;
  tone: string;
}

/** Letter by letter, for text the fast table does not cover (other scripts' accents, unusual marks). */
function slowLetters(part: string): Letter[] {
  const out: Letter[] = [];
  const decomposed = part.normalize('NFD');
  let current: { base: string; mods: string; tone: string } | null = null;
  const flush = () => {
    if (!current) return;
    const letter = compose(current.base, current.mods);
    const code = LETTER_CODE.get(letter) ?? (/[0-9]/.test(letter) ? letter : undefined);
    if (code) out.push({ primary: code, tone: current.tone });
    else if (letter === ' ') out.push(SPACE);
    current = null;
  };
  for (const ch of decomposed) {
    if (TONES[ch]) {
      if (current) current.tone = TONES[ch];
    } else if (LETTER_MARKS[ch]) {
      if (current) current.mods += LETTER_MARKS[ch];
    } else if (/\p{M}/u.test(ch)) {
      // other combining marks carry no meaning in Vietnamese order
    } else {
      flush();
      current = { base: ch, mods: '', tone: '0' };
    }
  }
  flush();
  return out;
}

const SPACE: Letter = { primary: '!', tone: '0' };

// Every precomposed Vietnamese letter with every tone, looked up whole: sorting a million names at
// import time must not decompose each one character by character.
const FAST = new Map<string, Letter>();
for (const letter of ALPHABET) {
  for (const [mark, tone] of [['', '0'], ...Object.entries(TONES)] as [string, string][]) {
    FAST.set((letter + mark).normalize('NFC'), { primary: LETTER_CODE.get(letter)!, tone });
  }
}
for (const digit of '0123456789') FAST.set(digit, { primary: digit, tone: '0' });
FAST.set(' ', SPACE);

function letters(part: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of part.normalize('NFC').toLowerCase()) {
    const hit = FAST.get(ch);
    if (hit) out.push(hit);
    else out.push(...slowLetters(ch));
  }
  return out;
}

function compose(base: string, mods: string): string {
  if (!mods) return base;
  if (base === 'a') return mods.includes('ă') ? 'ă' : mods.includes('^') ? 'â' : 'a';
  if (base === 'e' && mods.includes('^')) return 'ê';
  if (base === 'o') return mods.includes('^') ? 'ô' : mods.includes('+') ? 'ơ' : 'o';
  if (base === 'u' && mods.includes('+')) return 'ư';
  return base;
}

/** Sort key for any other text (unit names): the same letter order, in reading order. */
export function vietnameseTextKey(text: string): string {
  const l = letters(text.trim().replace(/\s+/g, ' '));
  return `${l.map((x) => x.primary).join('')}  ${l.map((x) => x.tone).join('')}`;
}

/** Lowercase, no diacritics, đ → d, single spaces: "Nguyễn Văn A" → "nguyen van a". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
