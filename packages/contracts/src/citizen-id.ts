/**
 * The 12-digit personal identification number (số định danh cá nhân, on the CCCD card; Luật Căn cước
 * 2023 Art. 12). Its structure (NĐ 137/2015 Art. 13, still in use; domain.md §7.1): digits 1–3 the code
 * of the province where the birth was registered — the 63 pre-2025 provinces, whose codes never change
 * when provinces merge; digit 4 the century and sex; digits 5–6 the last two digits of the birth year;
 * digits 7–12 random.
 */

/** Province codes of birth registration (Phụ lục 1, Thông tư 07/2016/TT-BCA): not the 2025 2-digit codes. */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export const CITIZEN_ID_PATTERN = /^\d{12}$/;
/** The old 9-digit identity card (CMND): kept only as a secondary field on old records. */
export const LEGACY_IDENTITY_CARD_PATTERN = /^\d{9}$/;

export type Sex = 'male' | 'female';

export type CitizenIdProblem =
  'citizen_id.format' | 'citizen_id.birth_province' | 'citizen_id.century_sex' | 'citizen_id.birth_year';

/** Digit 4: century and sex — 1900s male 0, female 1; 2000s 2/3; 2100s 4/5; 2200s 6/7; 2300s 8/9. */
export function centurySexDigit(birthYear: number, sex: Sex): string {
  const century = Math.floor(birthYear / 100) - 19;
  return String(century * 2 + (sex === 'female' ? 1 : 0));
}

/**
 * What is wrong with a citizen ID for a person born on `birthDate` (yyyy-mm-dd) of this sex: an empty
 * list when the number agrees with both. Only the structure is checked; whether the number was issued
 * is the population database's to say.
 */
export function citizenIdProblems(
  citizenId: string,
  person: { birthDate: string; sex: Sex },
): CitizenIdProblem[] {
  if (!CITIZEN_ID_PATTERN.test(citizenId)) return ['citizen_id.format'];
  const problems: CitizenIdProblem[] = [];
  if (!Object.hasOwn(BIRTH_PROVINCE_CODES, citizenId.slice(0, 3))) problems.push('citizen_id.birth_province');
  const birthYear = Number(person.birthDate.slice(0, 4));
  if (citizenId[3] !== centurySexDigit(birthYear, person.sex)) problems.push('citizen_id.century_sex');
  if (citizenId.slice(4, 6) !== String(birthYear % 100).padStart(2, '0'))
    problems.push('citizen_id.birth_year');
  return problems;
}

/** A number cell in a spreadsheet drops leading zeros ("1090012345" for "001090012345"): put them back. */
export function restoreCitizenIdZeros(value: string): string {
  const digits = value.trim();
  return /^\d{9,11}$/.test(digits) && digits.length > 9 ? digits.padStart(12, '0') : digits;
}
