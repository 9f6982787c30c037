import { BIRTH_PROVINCE_CODES, centurySexDigit } from '@union/contracts/citizen-id';
import type { Sex } from '@union/contracts/members';

/**
 * Made-up Vietnamese people for demo data, benchmarks and the national seed: names with realistic
 * surname frequencies, birth dates of working age, and citizen IDs whose structure agrees with the birth
 * year and sex (domain.md §7.1). Deterministic for a seed. No real person's data.
 */

/** Surnames with their approximate share of the population (Nguyễn ~38 %). */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.5],
  ['Võ', 1.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.6],
  ['Mai', 0.5],
  ['Lương', 0.5],
  ['Đào', 0.5],
  ['Cao', 0.4],
  ['Tạ', 0.3],
  ['Lâm', 0.3],
];
const MALE_MIDDLE = [
  'Văn',
  'Văn',
  'Văn',
  'Hữu',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Công',
  'Xuân',
  'Quang',
  'Đình',
];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Thùy', 'Phương', 'Kim', 'Bích'];
const MALE_GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const FEMALE_GIVEN = [
  'An',
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
];
const BIRTH_PROVINCES = Object.keys(BIRTH_PROVINCE_CODES);
const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);

export interface SyntheticPerson {
  fullName: string;
  birthDate: string;
  sex: Sex;
  citizenId: string;
}

/** mulberry32: tiny, fast and good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * People of working age on `today`. Citizen IDs are unique within one generator: the six random
 * digits come from a counter spread by a multiplier coprime to 10^6, behind the province/sex/year
 * prefix, so no set is needed even for 11 million people.
 */
export function syntheticPeople(seed: number, today: string) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const thisYear = Number(today.slice(0, 4));
  let serial = 0;

  const surname = () => {
    let roll = random() * SURNAME_TOTAL;
    for (const [name, weight] of SURNAMES) {
      roll -= weight;
      if (roll < 0) return name;
    }
    return SURNAMES[0]![0];
  };

  return (): SyntheticPerson => {
    const sex: Sex = random() < 0.52 ? 'female' : 'male';
    const middle = sex === 'female' ? pick(FEMALE_MIDDLE) : pick(MALE_MIDDLE);
    // About one name in seven carries two middle names ("Nguyễn Thị Thu Hà").
    const second = random() < 0.15 ? ` ${sex === 'female' ? pick(FEMALE_MIDDLE) : pick(MALE_MIDDLE)}` : '';
    const given = sex === 'female' ? pick(FEMALE_GIVEN) : pick(MALE_GIVEN);
    const birthYear = thisYear - 18 - Math.floor(random() * 42);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthDate = `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    serial += 1;
    const tail = String((serial * 7_919) % 1_000_000).padStart(6, '0');
    const province = BIRTH_PROVINCES[Math.floor(serial / 1_000_000) % BIRTH_PROVINCES.length]!;
    const citizenId = `${province}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}${tail}`;
    return { fullName: `${surname()} ${middle}${second} ${given}`, birthDate, sex, citizenId };
  };
}
