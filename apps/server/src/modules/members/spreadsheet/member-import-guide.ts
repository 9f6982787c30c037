import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type MemberField,
  type MemberFields,
} from '@union/contracts/members';

/** The person on the template's example row: a made-up member whose record passes every rule. */
export const EXAMPLE_MEMBER: MemberFields = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-03-15',
  sex: 'male',
  // 001 Hà Nội, 0 a man born in the 1900s, 90 the year of birth.
  citizenId: '001090012345',
  legacyIdNumber: null,
  passportNumber: null,
  nationality: 'VN',
  ethnicity: 'Kinh',
  religion: 'Không',
  sensitiveDataConsent: true,
  phone: '0912345678',
  email: 'nguyenvanan@example.com',
  addressLine: 'Số 1 phố Tràng Tiền, Hà Nội',
  provinceCode: '01',
  communeCode: null,
  employerName: 'Công ty TNHH Ví Dụ',
  employerTaxCode: '0101234567',
  contractType: 'indefinite',
  contractMonths: null,
  occupation: 'Kỹ sư phần mềm',
  qualification: 'Đại học',
  insuredSalary: 8_000_000,
  cardNumber: null,
  unionPosition: null,
  joinedAt: '2015-06-01',
};

export const REQUIRED_FIELDS: ReadonlySet<MemberField> = new Set(['fullName', 'birthDate', 'sex']);

/** How to fill each column, for the template's "Hướng dẫn" sheet. */
export const FIELD_GUIDES: Readonly<Record<MemberField, string>> = {
  fullName:
    'Họ, chữ đệm và tên đầy đủ. Tên viết toàn chữ in hoa hoặc toàn chữ thường được tự chuyển thành "Nguyễn Văn An". Cũng nhận hai cột "Họ và đệm" và "Tên".',
  birthDate:
    'Ngày/tháng/năm, ví dụ 15/03/1990 (cũng nhận 15-03-1990, 15.03.1990, 15/3/90, 1990-03-15 hoặc ô kiểu ngày của Excel). Luôn ghi ngày trước tháng.',
  sex: 'Nam hoặc Nữ. Cũng nhận hai cột "Nam" và "Nữ" (đánh dấu x vào một cột), hoặc cột "Ngày sinh" chia hai cột con "Nam" | "Nữ".',
  citizenId:
    '12 chữ số trên thẻ căn cước. Nên ghi: dùng để tránh trùng đoàn viên và để cập nhật khi nhập lại. Nên để cột ở dạng Văn bản (Text); số 0 đầu bị Excel bỏ mất sẽ được tự bổ sung.',
  legacyIdNumber: 'Số chứng minh nhân dân cũ (9 chữ số), chỉ ghi khi cần lưu lại.',
  passportNumber: 'Bắt buộc với đoàn viên là người nước ngoài (thay cho số định danh cá nhân).',
  nationality: 'Mã 2 chữ cái: VN, KR, JP… (cũng nhận "Việt Nam"). Để trống là Việt Nam.',
  ethnicity: 'Dữ liệu nhạy cảm: chỉ ghi khi đoàn viên đã đồng ý bằng văn bản.',
  religion:
    'Dữ liệu nhạy cảm: chỉ ghi khi đoàn viên đã đồng ý bằng văn bản. Không theo tôn giáo nào thì ghi "Không".',
  sensitiveDataConsent: 'Có hoặc Không (cũng nhận x, 1). Phải là Có thì mới lưu Dân tộc và Tôn giáo.',
  phone: 'Số di động 10 số bắt đầu bằng 03, 05, 07, 08, 09, hoặc dạng +84…',
  email: 'Địa chỉ thư điện tử.',
  addressLine: 'Số nhà, đường hoặc thôn, xã/phường, tỉnh/thành phố.',
  provinceCode:
    'Mã tỉnh 2 chữ số theo danh mục đơn vị hành chính năm 2025 (QĐ 19/2025/QĐ-TTg), ví dụ 01 là Hà Nội.',
  communeCode: 'Mã xã, phường 5 chữ số theo QĐ 19/2025/QĐ-TTg.',
  employerName: 'Tên cơ quan, doanh nghiệp nơi đoàn viên làm việc.',
  employerTaxCode: '10 chữ số, hoặc 10 chữ số kèm mã chi nhánh: 0101234567-001.',
  contractType: 'Không xác định thời hạn, Xác định thời hạn, hoặc Không có HĐLĐ (cũng nhận KXĐTH, XĐTH).',
  contractMonths: 'Số tháng của hợp đồng xác định thời hạn: 12, 24, 36 (cũng nhận "12 tháng", "1 năm").',
  occupation: 'Công việc, chức danh đang làm.',
  qualification: 'Ví dụ: Đại học, Cao đẳng, Trung cấp, Công nhân kỹ thuật.',
  insuredSalary: 'Số đồng, không có phần lẻ: 8000000 hoặc 8.000.000.',
  cardNumber: 'Số thẻ đoàn viên, nếu đã được cấp.',
  unionPosition: 'Ví dụ: Chủ tịch, Phó Chủ tịch, Ủy viên Ban Chấp hành, Tổ trưởng công đoàn.',
  joinedAt: 'Ngày/tháng/năm vào Công đoàn. Để trống là ngày nhập.',
};

const MAX_ROWS = IMPORT_MAX_ROWS.toLocaleString('vi-VN');
const MAX_MEGABYTES = IMPORT_MAX_BYTES / (1024 * 1024);

export const GENERAL_GUIDES: readonly string[] = [
  'Nhập từ tệp Excel (.xlsx) hoặc CSV (UTF-8, phân cách bằng dấu phẩy, chấm phẩy hoặc tab). Tệp .xls cũ: mở bằng Excel rồi lưu lại thành .xlsx.',
  'Chỉ đọc trang tính đầu tiên. Dòng tiêu đề có thể nằm ở bất kỳ dòng nào trong 15 dòng đầu; các dòng tên đơn vị, tên danh sách phía trên được bỏ qua.',
  'Bắt buộc có các cột Họ và tên, Ngày sinh, Giới tính. Các cột khác có thể bỏ bớt hoặc sắp xếp theo thứ tự bất kỳ.',
  'Tiêu đề cột viết có dấu hay không dấu, chữ hoa hay chữ thường đều được; cũng nhận các tên quen dùng như "Họ tên", "Số CCCD", "SĐT", "Ngày vào CĐ". Cột không nhận ra sẽ được báo và bỏ qua.',
  'Các cột STT, Mã đoàn viên, Đơn vị sinh hoạt, Trạng thái của tệp xuất được bỏ qua khi nhập, nên tệp xuất có thể nhập lại ngay.',
  'Ô chứa công thức phải có giá trị đã tính; nếu không, hãy sao chép và dán giá trị thay cho công thức. Ô gộp được hiểu là mọi ô trong vùng gộp có cùng giá trị.',
  `Tối đa ${MAX_ROWS} dòng và ${MAX_MEGABYTES} MB mỗi lần nhập. Dòng trống được bỏ qua.`,
];
