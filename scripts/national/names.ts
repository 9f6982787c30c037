import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { WeightedPicker, type Random } from './random.js';

/**
 * Vietnamese names with realistic frequencies: surname shares from population surveys (Nguyễn 38 %,
 * Trần 11 %, Lê 9.5 %…), Hoàng/Vũ in the north and Huỳnh/Võ in the south, male and female middle
 * names (Văn, Thị…), one in seven with two middle names, and common given names weighted Zipf-like.
 * Each part is folded once (NFD, marks stripped, đ→d, lower case): the folded name is the folded parts
 * joined, which equals `foldVietnamese(fullName)` (checked by the suite on every run).
 */

export type Sex = 'male' | 'female';

interface Part {
  text: string;
  folded: string;
}

const part = (text: string): Part => {
  const nfc = text.normalize('NFC');
  return { text: nfc, folded: foldVietnamese(nfc) };
};

const table = (entries: [string, number][]) =>
  new WeightedPicker(entries.map(([text, weight]) => [part(text), weight] as const));

const COMMON_SURNAMES: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Phan', 4.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Đào', 0.9],
  ['Trương', 0.9],
  ['Đoàn', 0.6],
  ['Lâm', 0.6],
  ['Mai', 0.6],
  ['Trịnh', 0.6],
  ['Lương', 0.6],
  ['Cao', 0.5],
  ['Hà', 0.5],
  ['Tô', 0.4],
  ['Lưu', 0.4],
  ['Tạ', 0.3],
  ['Chu', 0.3],
  ['Phùng', 0.3],
  ['Triệu', 0.3],
  ['Châu', 0.3],
  ['Thái', 0.3],
  ['Nông', 0.3],
  ['Kiều', 0.2],
  ['Tăng', 0.2],
  ['Lại', 0.2],
  ['Quách', 0.2],
  ['Vương', 0.2],
  ['Giang', 0.2],
  ['La', 0.2],
  ['Hứa', 0.2],
  ['Đàm', 0.2],
  ['Tống', 0.2],
  ['Lò', 0.2],
  ['Khúc', 0.1],
  ['Mạc', 0.1],
  ['Thân', 0.1],
  ['Diệp', 0.1],
  ['Âu', 0.1],
  ['Bạch', 0.1],
  ['Hầu', 0.1],
];

/** Hoàng/Huỳnh (5 % together) and Vũ/Võ (3.9 %) are one name each, spelled by region. */
const NORTH_SURNAMES = table([...COMMON_SURNAMES, ['Hoàng', 4.5], ['Huỳnh', 0.5], ['Vũ', 3.2], ['Võ', 0.7]]);
const SOUTH_SURNAMES = table([...COMMON_SURNAMES, ['Hoàng', 1.5], ['Huỳnh', 3.5], ['Vũ', 0.9], ['Võ', 3]]);

const MALE_MIDDLE = table([
  ['Văn', 40],
  ['Đức', 7],
  ['Minh', 7],
  ['Hữu', 6],
  ['Quốc', 5],
  ['Công', 4],
  ['Thành', 4],
  ['Đình', 4],
  ['Xuân', 3],
  ['Quang', 3],
  ['Ngọc', 3],
  ['Thanh', 3],
  ['Hoàng', 2],
  ['Tuấn', 2],
  ['Anh', 2],
  ['Duy', 2],
  ['Trung', 2],
  ['Tiến', 1.5],
  ['Gia', 1.5],
  ['Hồng', 1],
  ['Mạnh', 1],
  ['Việt', 1],
  ['Hải', 1],
  ['Bá', 1],
]);
const FEMALE_MIDDLE = table([
  ['Thị', 50],
  ['Ngọc', 8],
  ['Thu', 5],
  ['Thanh', 5],
  ['Thùy', 3],
  ['Kim', 3],
  ['Minh', 3],
  ['Hồng', 3],
  ['Phương', 2],
  ['Mai', 2],
  ['Bích', 2],
  ['Diệu', 1.5],
  ['Hoài', 1.5],
  ['Khánh', 1.5],
  ['Mỹ', 1.5],
  ['Quỳnh', 1.5],
  ['Xuân', 1.5],
  ['Tuyết', 1],
  ['Hải', 1],
  ['Lan', 1],
  ['Bảo', 1],
  ['Hà', 1],
]);
/** The second of two middle names: "Nguyễn Thị Thu Hà", "Trần Văn Quốc Bảo". */
const MALE_SECOND_MIDDLE = table([
  ['Minh', 3],
  ['Quốc', 2],
  ['Đức', 2],
  ['Anh', 2],
  ['Hoàng', 2],
  ['Thành', 1],
  ['Quang', 1],
  ['Gia', 1],
  ['Bảo', 1],
  ['Tuấn', 1],
]);
const FEMALE_SECOND_MIDDLE = table([
  ['Thu', 3],
  ['Ngọc', 3],
  ['Thanh', 2],
  ['Kim', 2],
  ['Hồng', 2],
  ['Minh', 1],
  ['Phương', 1],
  ['Thùy', 1],
  ['Mai', 1],
  ['Bích', 1],
  ['Diệu', 1],
]);

const MALE_GIVEN = table([
  ['Anh', 5],
  ['Tuấn', 4],
  ['Hùng', 4],
  ['Dũng', 4],
  ['Minh', 4],
  ['Hải', 3.5],
  ['Nam', 3.5],
  ['Long', 3.5],
  ['Thắng', 3],
  ['Hưng', 3],
  ['Sơn', 3],
  ['Huy', 3],
  ['Đức', 3],
  ['Cường', 3],
  ['Quân', 2.5],
  ['Trung', 2.5],
  ['Thành', 2.5],
  ['Hoàng', 2.5],
  ['An', 2],
  ['Đạt', 2],
  ['Khánh', 2],
  ['Phong', 2],
  ['Việt', 2],
  ['Tùng', 2],
  ['Hiếu', 2],
  ['Bình', 2],
  ['Tâm', 1.5],
  ['Toàn', 1.5],
  ['Vinh', 1.5],
  ['Lâm', 1.5],
  ['Phúc', 1.5],
  ['Duy', 1.5],
  ['Mạnh', 1.5],
  ['Nghĩa', 1.5],
  ['Quang', 1.5],
  ['Tiến', 1.5],
  ['Bảo', 1.5],
  ['Khoa', 1.2],
  ['Kiên', 1.2],
  ['Tài', 1.2],
  ['Thịnh', 1.2],
  ['Tú', 1.2],
  ['Hòa', 1.2],
  ['Lộc', 1],
  ['Trường', 1],
  ['Hậu', 1],
  ['Hiệp', 1],
  ['Vũ', 1],
  ['Trí', 1],
  ['Chiến', 1],
  ['Công', 0.8],
  ['Hào', 0.8],
  ['Phát', 0.8],
  ['Tín', 0.8],
  ['Thái', 0.8],
  ['Giang', 0.8],
  ['Dương', 0.8],
  ['Sang', 0.8],
  ['Thuận', 0.8],
  ['Nhân', 0.8],
  ['Hiển', 0.6],
  ['Lực', 0.6],
  ['Quyết', 0.6],
  ['Định', 0.5],
  ['Thọ', 0.5],
  ['Hợp', 0.4],
]);
const FEMALE_GIVEN = table([
  ['Linh', 5],
  ['Trang', 5],
  ['Hương', 5],
  ['Hà', 4],
  ['Lan', 4],
  ['Anh', 4],
  ['Huyền', 4],
  ['Thảo', 4],
  ['Hằng', 3.5],
  ['Ngọc', 3],
  ['Mai', 3],
  ['Phương', 3],
  ['Nga', 3],
  ['Hạnh', 3],
  ['Hoa', 3],
  ['Dung', 3],
  ['Thủy', 3],
  ['Hiền', 3],
  ['Nhung', 2.5],
  ['Yến', 2.5],
  ['Loan', 2.5],
  ['Vân', 2],
  ['Thu', 2],
  ['Hồng', 2],
  ['Quỳnh', 2],
  ['Thanh', 2],
  ['Thúy', 2],
  ['Trâm', 1.5],
  ['Ánh', 1.5],
  ['Chi', 1.5],
  ['Duyên', 1.5],
  ['Giang', 1.5],
  ['Huệ', 1.5],
  ['Ly', 1.5],
  ['My', 1.5],
  ['Ngân', 1.5],
  ['Nhi', 1.5],
  ['Liên', 1.2],
  ['Oanh', 1.2],
  ['Tâm', 1.2],
  ['Tuyết', 1.2],
  ['Uyên', 1.2],
  ['Vy', 1.2],
  ['Quyên', 1],
  ['Xuân', 1],
  ['Phượng', 1],
  ['Trinh', 1],
  ['An', 1],
  ['Thắm', 0.8],
  ['Thơ', 0.8],
  ['Hậu', 0.8],
  ['Lệ', 0.8],
  ['Nguyệt', 0.8],
  ['Tiên', 0.8],
  ['Diễm', 0.8],
  ['Kiều', 0.6],
  ['Diệp', 0.5],
  ['Lụa', 0.5],
  ['Sen', 0.5],
  ['Hoài', 0.5],
  ['Bình', 0.5],
  ['Lam', 0.5],
  ['Mơ', 0.4],
  ['Vui', 0.3],
]);

/** Share of women among union members (garments, footwear and electronics employ mostly women). */
export const FEMALE_SHARE = 0.54;
const TWO_MIDDLE_NAMES = 0.15;

export interface PersonName {
  sex: Sex;
  /** "Nguyễn Thị Thu Hà" (NFC) */
  fullName: string;
  /** "nguyen thi thu ha" */
  folded: string;
  /** Folded parts: surname, middle name(s), given name. */
  foldedParts: string[];
  /** The parts as written, for queries typed with diacritics. */
  parts: string[];
}

/** A name drawn from the distributions; `south` selects the southern spelling of Hoàng/Vũ. */
export function drawName(random: Random, south: boolean): PersonName {
  const sex: Sex = random.chance(FEMALE_SHARE) ? 'female' : 'male';
  const female = sex === 'female';
  const parts: Part[] = [(south ? SOUTH_SURNAMES : NORTH_SURNAMES).pick(random)];
  const middle = (female ? FEMALE_MIDDLE : MALE_MIDDLE).pick(random);
  parts.push(middle);
  if (random.chance(TWO_MIDDLE_NAMES)) {
    const second = (female ? FEMALE_SECOND_MIDDLE : MALE_SECOND_MIDDLE).pick(random);
    if (second.text !== middle.text) parts.push(second);
  }
  let given = (female ? FEMALE_GIVEN : MALE_GIVEN).pick(random);
  // "Nguyễn Văn Minh Minh" does not happen; draw again once.
  if (parts.some((p) => p.text === given.text)) given = (female ? FEMALE_GIVEN : MALE_GIVEN).pick(random);
  parts.push(given);
  return {
    sex,
    fullName: parts.map((p) => p.text).join(' '),
    folded: parts.map((p) => p.folded).join(' '),
    foldedParts: parts.map((p) => p.folded),
    parts: parts.map((p) => p.text),
  };
}
