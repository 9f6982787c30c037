/**
 * Every error code the API can answer, with its message in Vietnamese (first) and English. The server
 * speaks these; the web app can show them too. Codes are stable: clients branch on them.
 */
export const ERROR_MESSAGES = {
  'request.malformed_json': {
    vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  'request.unsupported_media_type': {
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  'request.too_large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  'request.invalid': { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  'request.not_found': { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such address.' },
  'request.rate_limited': {
    vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
    en: 'Too many requests; try again shortly.',
  },
  'validation.failed': {
    vi: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
    en: 'Some fields are invalid.',
  },
  'internal.error': {
    vi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.',
    en: 'Something went wrong; please try again.',
  },

  'auth.required': { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  'auth.invalid_credentials': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong login or password.',
  },
  'auth.otp_required': { vi: 'Vui lòng nhập mã xác thực hai lớp.', en: 'Enter your two-factor code.' },
  'auth.otp_invalid': {
    vi: 'Mã xác thực hai lớp không đúng hoặc đã hết hạn.',
    en: 'The two-factor code is wrong or expired.',
  },
  'auth.locked': {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed sign-ins: the account is locked for a few minutes.',
  },
  'auth.totp_setup_required': {
    vi: 'Vai trò của bạn yêu cầu bật xác thực hai lớp trước khi tiếp tục.',
    en: 'Your role requires two-factor sign-in: set it up first.',
  },
  'auth.wrong_password': { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'auth.reset_code_invalid': {
    vi: 'Mã đặt lại mật khẩu không đúng hoặc đã hết hạn.',
    en: 'The reset code is wrong or expired.',
  },
  'auth.totp_code_invalid': {
    vi: 'Mã từ ứng dụng xác thực không đúng, vui lòng thử lại.',
    en: 'The code from the authenticator app is wrong; try again.',
  },
  'auth.totp_already_enabled': {
    vi: 'Xác thực hai lớp đã được bật.',
    en: 'Two-factor sign-in is already on.',
  },
  'auth.totp_not_started': {
    vi: 'Chưa khởi tạo xác thực hai lớp.',
    en: 'Two-factor setup has not been started.',
  },
  'auth.totp_required_by_role': {
    vi: 'Vai trò của bạn bắt buộc xác thực hai lớp, không thể tắt.',
    en: 'Your role requires two-factor sign-in; it cannot be turned off.',
  },
  'access.denied': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },

  'unit.not_found': { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  'unit.unknown_type': { vi: 'Loại đơn vị không hợp lệ.', en: 'Unknown unit type.' },
  'unit.child_type_not_allowed': {
    vi: 'Loại đơn vị này không thể trực thuộc đơn vị đã chọn.',
    en: 'A unit of this type cannot sit under the chosen unit.',
  },
  'unit.code_taken': { vi: 'Mã đơn vị đã được sử dụng.', en: 'This unit code is already in use.' },
  'unit.move_cycle': {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.',
    en: 'A unit cannot move under itself or its own descendants.',
  },
  'unit.move_same_parent': {
    vi: 'Đơn vị đã trực thuộc đơn vị này.',
    en: 'The unit already sits under this parent.',
  },
  'unit.root_immovable': {
    vi: 'Không thể chuyển hoặc giải thể Tổng Liên đoàn.',
    en: 'The Confederation cannot move or close.',
  },
  'unit.closed': { vi: 'Đơn vị đã giải thể hoặc sáp nhập.', en: 'The unit has been closed or merged.' },
  'unit.has_active_children': {
    vi: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.',
    en: 'The unit still has active sub-units; move or close them first.',
  },
  'unit.merge_into_self': {
    vi: 'Không thể sáp nhập đơn vị vào chính nó.',
    en: 'A unit cannot merge into itself.',
  },
  'unit.merge_type_mismatch': {
    vi: 'Chỉ sáp nhập được vào đơn vị có thể nhận các đơn vị trực thuộc.',
    en: 'The target unit cannot take these sub-units.',
  },
  'unit.date_in_future': {
    vi: 'Ngày hiệu lực không được ở tương lai.',
    en: 'The effective date cannot be in the future.',
  },
  'unit.date_before_established': {
    vi: 'Ngày hiệu lực không được trước ngày thành lập đơn vị.',
    en: 'The effective date is before the unit was established.',
  },
  'unit.bulk_move_empty': { vi: 'Không có đơn vị nào để chuyển.', en: 'There is no unit to move.' },
  'unit.bulk_move_nested': {
    vi: 'Danh sách có cả một đơn vị và đơn vị trực thuộc của nó; chỉ chọn đơn vị cấp cao hơn.',
    en: 'The list holds a unit and one of its own sub-units; choose only the higher one.',
  },
  'unit.bulk_move_source': {
    vi: 'Chọn danh sách đơn vị hoặc đơn vị nguồn (chỉ một trong hai).',
    en: 'Give either a list of units or a source unit, not both.',
  },
  'unit.update_empty': { vi: 'Không có thông tin nào để cập nhật.', en: 'Nothing to update.' },

  'citizen_id.format': {
    vi: 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.',
    en: 'A personal ID number has exactly 12 digits.',
  },
  'citizen_id.birth_province': {
    vi: 'Ba số đầu của số CCCD không phải mã tỉnh nơi đăng ký khai sinh.',
    en: 'The first three digits are not a province-of-birth code.',
  },
  'citizen_id.century_sex': {
    vi: 'Chữ số thứ tư của số CCCD không khớp với giới tính và thế kỷ sinh.',
    en: 'The fourth digit does not match the sex and century of birth.',
  },
  'citizen_id.birth_year': {
    vi: 'Chữ số thứ năm và sáu của số CCCD không khớp với năm sinh.',
    en: 'The fifth and sixth digits do not match the year of birth.',
  },

  'account.not_found': { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  'account.login_taken': { vi: 'Tên đăng nhập đã được sử dụng.', en: 'This login is already in use.' },
  'account.email_taken': { vi: 'Email đã được sử dụng.', en: 'This e-mail address is already in use.' },
  'account.phone_taken': { vi: 'Số điện thoại đã được sử dụng.', en: 'This phone number is already in use.' },
  'account.login_invalid': {
    vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang (3–64 ký tự), hoặc là email, số điện thoại.',
    en: 'A login is 3–64 lower-case letters, digits, dots or dashes, or an e-mail address or phone number.',
  },

  'office.not_found': { vi: 'Không tìm thấy chức vụ.', en: 'Office not found.' },
  'office.term_end_before_start': {
    vi: 'Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu.',
    en: 'A term cannot end before it starts.',
  },
  'office.role_not_allowed_here': {
    vi: 'Vai trò này không áp dụng cho loại đơn vị này.',
    en: 'This role does not apply to this kind of unit.',
  },
  'office.role_exceeds_own': {
    vi: 'Bạn không thể giao vai trò có quyền vượt quá quyền của mình.',
    en: 'You cannot grant a role with more rights than your own.',
  },
  'office.already_held': {
    vi: 'Người này đang giữ vai trò này tại đơn vị trong thời gian đó.',
    en: 'This person already holds this role here for that period.',
  },
  'office.already_ended': {
    vi: 'Nhiệm kỳ đã kết thúc trước ngày này.',
    en: 'The term had already ended by then.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_MESSAGES, value);
