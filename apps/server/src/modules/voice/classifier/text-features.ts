import { foldVietnamese } from '../../../kernel/text/fold.js';

/**
 * Tokenisation shared by the category classifier and the topic terms. Everything happens in folded space
 * (no diacritics, đ→d, lower case), so "lương", "luong" and "LƯƠNG" are one token: members type on phones,
 * often without diacritics.
 */

/** Only this many characters of a text are read: a concern is a few sentences, and junk input stays cheap. */
export const MAX_TEXT_CHARS = 4000;

/**
 * Folded shorthand → folded expansion. Members write "ko dc", "cty no bhxh", "tc", "OT"; expanding them
 * lets "cty nợ BHXH" and "công ty nợ bảo hiểm xã hội" share features. Entries that are ambiguous in this
 * domain ("cn": công nhân or chủ nhật, "gd": giám đốc or gia đình, "ns": nhân sự or nói) are left out.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // Negation and common verbs.
  k: 'khong',
  ko: 'khong',
  khg: 'khong',
  hok: 'khong',
  hk: 'khong',
  dc: 'duoc',
  lm: 'lam',
  j: 'gi',
  r: 'roi',
  vs: 'voi',
  bn: 'bao nhieu',
  ntn: 'nhu the nao',
  trc: 'truoc',
  bt: 'binh thuong',
  ng: 'nguoi',
  mn: 'moi nguoi',
  e: 'em',
  mik: 'minh',
  ktra: 'kiem tra',
  // Workplace.
  cty: 'cong ty',
  cti: 'cong ty',
  congty: 'cong ty',
  nv: 'nhan vien',
  nld: 'nguoi lao dong',
  hr: 'nhan su',
  boss: 'sep',
  manager: 'quan ly',
  leader: 'quan ly',
  staff: 'nhan vien',
  worker: 'cong nhan',
  kcn: 'khu cong nghiep',
  sx: 'san xuat',
  sp: 'san pham',
  tg: 'thoi gian',
  dt: 'dien thoai',
  sdt: 'so dien thoai',
  wc: 've sinh',
  // Pay and hours.
  lg: 'luong',
  luog: 'luong',
  salary: 'luong',
  pay: 'tien',
  bonus: 'thuong',
  tr: 'trieu',
  tc: 'tang ca',
  ot: 'tang ca',
  overtime: 'tang ca',
  shift: 'ca',
  // Contracts.
  hd: 'hop dong',
  hdld: 'hop dong lao dong',
  hdtv: 'hop dong thu viec',
  contract: 'hop dong',
  layoff: 'cat giam',
  // Insurance.
  bh: 'bao hiem',
  bhxh: 'bao hiem xa hoi',
  bhyt: 'bao hiem y te',
  bhtn: 'bao hiem that nghiep',
  insurance: 'bao hiem',
  // Safety.
  tnld: 'tai nan lao dong',
  bnn: 'benh nghe nghiep',
  atld: 'an toan lao dong',
  atvsld: 'an toan ve sinh lao dong',
  bhld: 'bao ho lao dong',
  ppe: 'bao ho',
  pccc: 'phong chay chua chay',
  safety: 'an toan',
  // Housing and welfare.
  ktx: 'ky tuc xa',
  noxh: 'nha o xa hoi',
  dorm: 'ky tuc xa',
  canteen: 'cang tin',
  benefit: 'phuc loi',
  // The union.
  cd: 'cong doan',
  cdcs: 'cong doan co so',
  dv: 'doan vien',
  bch: 'ban chap hanh',
  tuldtt: 'thoa uoc lao dong tap the',
  union: 'cong doan',
};

/** Every token with a digit ("500k", "7h30", "12m2") becomes this one token: the amount rarely says what a concern is about. */
export const NUMBER_TOKEN = '#';

const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”\n\r\t|/\\–—-]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * The folded, abbreviation-expanded syllables of a text, split into clauses at punctuation so that a
 * bigram never spans two clauses ("lương, cty" is not a phrase).
 */
export function clausesOf(text: string): string[][] {
  const folded = foldVietnamese(text.slice(0, MAX_TEXT_CHARS));
  const clauses: string[][] = [];
  for (const rawClause of folded.split(CLAUSE_BREAK)) {
    const syllables: string[] = [];
    for (const token of rawClause.split(NOT_WORD)) {
      if (token === '') continue;
      if (HAS_DIGIT.test(token)) {
        syllables.push(NUMBER_TOKEN);
        continue;
      }
      const expansion = ABBREVIATIONS[token];
      if (expansion === undefined) syllables.push(token);
      else for (const part of expansion.split(' ')) syllables.push(part);
    }
    if (syllables.length > 0) clauses.push(syllables);
  }
  return clauses;
}

/** The folded, expanded syllables of a text in order. */
export const syllablesOf = (text: string): string[] => clausesOf(text).flat();

/** The features the classifier sees: syllable unigrams and within-clause syllable bigrams, distinct. */
export function featuresOf(text: string): string[] {
  const features = new Set<string>();
  for (const clause of clausesOf(text)) {
    for (let i = 0; i < clause.length; i++) {
      const syllable = clause[i]!;
      features.add(syllable);
      const next = clause[i + 1];
      if (next !== undefined) features.add(`${syllable} ${next}`);
    }
  }
  return [...features];
}
