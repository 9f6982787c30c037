import { describe, expect, it } from 'vitest';
import { columnRoleOf, MEMBER_FIELD_HEADERS, MEMBER_FIELDS } from './member-columns.js';

describe('columnRoleOf', () => {
  it('knows every canonical header', () => {
    for (const field of MEMBER_FIELDS)
      expect(columnRoleOf(MEMBER_FIELD_HEADERS[field])).toEqual({ kind: 'field', field });
  });

  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Ho ten', 'fullName'],
    ['Họ  tên:', 'fullName'],
    ['Họ và tên (*)', 'fullName'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['NS', 'birthDate'],
    ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
    ['Ngay\nsinh', 'birthDate'],
    ['Nam/Nữ', 'sex'],
    ['GIỚI TÍNH', 'sex'],
    ['Số CCCD', 'citizenId'],
    ['CCCD', 'citizenId'],
    ['Số định danh', 'citizenId'],
    ['Số định danh cá nhân', 'citizenId'],
    ['CCCD/CMND', 'citizenId'],
    ['So CMND', 'legacyIdNumber'],
    ['SĐT', 'phone'],
    ['Số điện thoại', 'phone'],
    ['Điện thoại', 'phone'],
    ['Di động', 'phone'],
    ['E-mail', 'email'],
    ['Ngày vào Công đoàn', 'joinedAt'],
    ['Ngày vào CĐ', 'joinedAt'],
    ['Ngày kết nạp', 'joinedAt'],
    ['Ngày gia nhập', 'joinedAt'],
    ['Đơn vị công tác', 'employerName'],
    ['MST đơn vị', 'employerTaxCode'],
    ['Loại HĐLĐ', 'contractType'],
    ['Chức vụ CĐ', 'unionPosition'],
    ['Chức vụ', 'occupation'],
  ])('reads "%s" as %s', (header, field) => {
    expect(columnRoleOf(header)).toEqual({ kind: 'field', field });
  });

  it('knows the two-column forms of sex and name', () => {
    expect(columnRoleOf('Nam')).toEqual({ kind: 'sexMark', sex: 'male' });
    expect(columnRoleOf('NỮ')).toEqual({ kind: 'sexMark', sex: 'female' });
    expect(columnRoleOf('Họ và đệm')).toEqual({ kind: 'namePart', part: 'family' });
    expect(columnRoleOf('Tên')).toEqual({ kind: 'namePart', part: 'given' });
  });

  it.each(['STT', 'TT', 'Mã đoàn viên', 'Đơn vị sinh hoạt', 'Trạng thái'])(
    'recognises the export column "%s" and reads nothing from it',
    (header) => {
      expect(columnRoleOf(header)).toEqual({ kind: 'informational' });
    },
  );

  it.each(['Ghi chú', 'Mã số thuế', 'Đơn vị', ''])('does not read "%s"', (header) => {
    expect(columnRoleOf(header)).toBeNull();
  });
});
