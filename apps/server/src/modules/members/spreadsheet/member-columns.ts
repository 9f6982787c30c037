import type { MemberField, Sex } from '@union/contracts/members';
import { foldVietnamese } from '../../../kernel/text/fold.js';

/** The header each field is written under in the template and the export, in column order. */
export const MEMBER_FIELD_HEADERS: Readonly<Record<MemberField, string>> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  citizenId: 'Số định danh cá nhân (CCCD)',
  legacyIdNumber: 'Số CMND cũ',
  passportNumber: 'Số hộ chiếu',
  nationality: 'Quốc tịch',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  sensitiveDataConsent: 'Đồng ý lưu dữ liệu nhạy cảm',
  phone: 'Số điện thoại',
  email: 'Email',
  addressLine: 'Địa chỉ',
  provinceCode: 'Mã tỉnh',
  communeCode: 'Mã xã/phường',
  employerName: 'Đơn vị/Doanh nghiệp',
  employerTaxCode: 'Mã số thuế đơn vị',
  contractType: 'Loại hợp đồng',
  contractMonths: 'Thời hạn hợp đồng (tháng)',
  occupation: 'Nghề nghiệp',
  qualification: 'Trình độ chuyên môn',
  insuredSalary: 'Lương đóng BHXH',
  cardNumber: 'Số thẻ đoàn viên',
  unionPosition: 'Chức vụ công đoàn',
  joinedAt: 'Ngày vào Công đoàn',
};

export const MEMBER_FIELDS = Object.keys(MEMBER_FIELD_HEADERS) as MemberField[];

/** Columns our export adds around the fields; an import recognises them and reads nothing from them. */
export const INFORMATIONAL_HEADERS = {
  rowNumber: 'STT',
  memberCode: 'Mã đoàn viên',
  unitName: 'Đơn vị sinh hoạt',
  status: 'Trạng thái',
} as const;

/**
 * Other headers unions write for the same field. Matching ignores diacritics, case, punctuation and
 * spacing, so "HỌ VÀ TÊN", "Ho ten" and "Họ  tên:" are one header; a parenthesised hint such as
 * "(dd/mm/yyyy)" is ignored when the whole header does not match.
 */
const FIELD_ALIASES: Readonly<Record<MemberField, readonly string[]>> = {
  fullName: ['Họ tên', 'Họ và tên đoàn viên', 'Họ tên đoàn viên', 'Tên đoàn viên', 'Full name'],
  birthDate: [
    'Ngày tháng năm sinh',
    'Sinh ngày',
    'Năm sinh',
    'NS',
    'Ngày sinh đoàn viên',
    'Date of birth',
    'Birth date',
    'DOB',
  ],
  sex: ['Nam/Nữ', 'Giới', 'Phái', 'GT', 'Sex', 'Gender'],
  citizenId: [
    'Số định danh cá nhân',
    'Số định danh',
    'Mã định danh',
    'Mã định danh cá nhân',
    'Số CCCD',
    'CCCD',
    'Số căn cước',
    'Số căn cước công dân',
    'Căn cước công dân',
    'Căn cước',
    'CCCD/CMND',
    'Số CCCD/CMND',
    'CMND/CCCD',
    'Số CMND/CCCD',
    'Citizen ID',
  ],
  legacyIdNumber: ['Số CMND', 'CMND', 'CMND cũ', 'Số chứng minh nhân dân', 'Chứng minh nhân dân'],
  passportNumber: ['Hộ chiếu', 'Số passport', 'Passport', 'Passport number'],
  nationality: ['Nationality'],
  ethnicity: ['Ethnicity'],
  religion: ['Religion'],
  sensitiveDataConsent: [
    'Đồng ý lưu dữ liệu cá nhân nhạy cảm',
    'Đồng ý xử lý dữ liệu nhạy cảm',
    'Đồng ý xử lý dữ liệu cá nhân nhạy cảm',
  ],
  phone: [
    'SĐT',
    'ĐT',
    'Điện thoại',
    'Điện thoại di động',
    'Di động',
    'Số di động',
    'SĐT di động',
    'Số ĐT',
    'Phone',
    'Mobile',
  ],
  email: ['E-mail', 'Địa chỉ email', 'Thư điện tử', 'Mail'],
  addressLine: [
    'Địa chỉ thường trú',
    'Địa chỉ liên hệ',
    'Địa chỉ cư trú',
    'Nơi ở',
    'Nơi ở hiện nay',
    'Chỗ ở hiện nay',
    'Nơi cư trú',
    'Nơi thường trú',
    'Hộ khẩu thường trú',
    'Address',
  ],
  provinceCode: ['Mã tỉnh/thành phố', 'Mã tỉnh/TP'],
  communeCode: ['Mã xã', 'Mã phường', 'Mã phường/xã', 'Mã đơn vị hành chính cấp xã'],
  employerName: [
    'Doanh nghiệp',
    'Tên doanh nghiệp',
    'Đơn vị công tác',
    'Cơ quan, đơn vị',
    'Cơ quan công tác',
    'Nơi làm việc',
    'Nơi công tác',
    'Công ty',
    'Employer',
  ],
  // A bare "Mã số thuế" in a member list is usually the person's own tax code, so it is not read here.
  employerTaxCode: ['MST đơn vị', 'Mã số thuế doanh nghiệp', 'MST doanh nghiệp', 'MST DN'],
  contractType: [
    'Loại HĐLĐ',
    'Loại HĐ',
    'Loại hợp đồng lao động',
    'Hợp đồng lao động',
    'HĐLĐ',
    'Hình thức hợp đồng',
  ],
  contractMonths: ['Thời hạn hợp đồng', 'Thời hạn HĐLĐ', 'Thời hạn HĐ', 'Số tháng hợp đồng', 'Thời hạn'],
  occupation: ['Công việc', 'Công việc đang làm', 'Vị trí việc làm', 'Chức danh', 'Chức vụ', 'Nghề'],
  qualification: [
    'Trình độ',
    'Trình độ CMNV',
    'Trình độ chuyên môn nghiệp vụ',
    'Trình độ đào tạo',
    'Bằng cấp',
  ],
  insuredSalary: [
    'Mức lương đóng BHXH',
    'Tiền lương đóng BHXH',
    'Lương BHXH',
    'Mức lương đóng bảo hiểm xã hội',
    'Tiền lương làm căn cứ đóng BHXH',
    'Mức lương',
    'Tiền lương',
    'Lương',
  ],
  cardNumber: ['Số thẻ', 'Số thẻ ĐV', 'Thẻ đoàn viên', 'Mã thẻ'],
  unionPosition: ['Chức vụ CĐ', 'Chức danh công đoàn', 'Chức vụ trong công đoàn'],
  joinedAt: [
    'Ngày vào CĐ',
    'Ngày kết nạp',
    'Ngày kết nạp đoàn viên',
    'Ngày gia nhập',
    'Ngày gia nhập công đoàn',
    'Ngày vào Công đoàn Việt Nam',
  ],
};

const INFORMATIONAL_ALIASES = ['TT', 'Số TT', 'Số thứ tự', 'Mã ĐV'];

/** Lists that split the name ("Họ và đệm" | "Tên"), so it can be sorted by given name. */
const NAME_PART_HEADERS = {
  family: ['Họ và đệm', 'Họ đệm', 'Họ và tên đệm', 'Họ, tên đệm', 'Họ'],
  given: ['Tên'],
} as const;

/** Two columns "Nam" | "Nữ", one of them ticked, instead of one sex column. */
const SEX_MARK_HEADERS: Readonly<Record<Sex, string>> = { male: 'Nam', female: 'Nữ' };

export type ColumnRole =
  | { kind: 'field'; field: MemberField }
  | { kind: 'sexMark'; sex: Sex }
  | { kind: 'namePart'; part: 'family' | 'given' }
  /** "Ngày sinh" over "Nam" | "Nữ": the birth date is written in the column of the person's sex. */
  | { kind: 'birthDateOfSex'; sex: Sex }
  | { kind: 'informational' };

/** A header as matched: folded, with every run of punctuation and spaces made one space. */
const headerKey = (header: string): string =>
  foldVietnamese(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const ROLES_BY_KEY = new Map<string, ColumnRole>();
const recognise = (headers: readonly string[], role: ColumnRole) => {
  for (const header of headers) {
    const key = headerKey(header);
    if (ROLES_BY_KEY.has(key)) throw new Error(`The header "${header}" is listed for two columns`);
    ROLES_BY_KEY.set(key, role);
  }
};
for (const field of MEMBER_FIELDS)
  recognise([MEMBER_FIELD_HEADERS[field], ...FIELD_ALIASES[field]], { kind: 'field', field });
recognise([...Object.values(INFORMATIONAL_HEADERS), ...INFORMATIONAL_ALIASES], { kind: 'informational' });
recognise(NAME_PART_HEADERS.family, { kind: 'namePart', part: 'family' });
recognise(NAME_PART_HEADERS.given, { kind: 'namePart', part: 'given' });
for (const sex of ['male', 'female'] as const) recognise([SEX_MARK_HEADERS[sex]], { kind: 'sexMark', sex });

/** What a header cell names, or null for a column we do not read. */
export function columnRoleOf(header: string): ColumnRole | null {
  return (
    ROLES_BY_KEY.get(headerKey(header)) ??
    ROLES_BY_KEY.get(headerKey(header.replace(/\([^)]*\)/g, ' '))) ??
    null
  );
}

/** The field a column feeds, as the header report names it. */
export function fieldOfRole(role: ColumnRole | null): MemberField | null {
  switch (role?.kind) {
    case 'field':
      return role.field;
    case 'sexMark':
      return 'sex';
    case 'namePart':
      return 'fullName';
    case 'birthDateOfSex':
      return 'birthDate';
    default:
      return null;
  }
}
