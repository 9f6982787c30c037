/**
 * How Vietnamese workers shorten words on a phone, shared by everything that reads their free text (the
 * voice classifier, the legal assistant). Keys and expansions are folded (see fold.ts).
 */

/**
 * Folded shorthand → folded expansion. Members write "ko dc", "cty no bhxh", "tc", "OT"; expanding them
 * lets "cty nợ BHXH" and "công ty nợ bảo hiểm xã hội" share features. Entries that are ambiguous in this
 * domain ("cn": công nhân or chủ nhật, "gd": giám đốc or gia đình, "ns": nhân sự or nói) are left out.
 */
export const SHORTHAND: Readonly<Record<string, string>> = {
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
