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
  'unit.has_members': {
    vi: 'Đơn vị còn đoàn viên đang sinh hoạt; hãy chuyển sinh hoạt cho họ trước.',
    en: 'The unit still has current members; transfer them first.',
  },

  'member.not_found': { vi: 'Không tìm thấy đoàn viên.', en: 'Member not found.' },
  'member.full_name_required': { vi: 'Vui lòng nhập họ và tên.', en: 'Enter the full name.' },
  'member.full_name_invalid': {
    vi: 'Họ và tên chỉ gồm chữ cái và khoảng trắng, tối đa 120 ký tự.',
    en: 'A full name has only letters and spaces, at most 120 characters.',
  },
  'member.date_invalid': {
    vi: 'Ngày không hợp lệ (dd/mm/yyyy).',
    en: 'Not a valid date (dd/mm/yyyy).',
  },
  'member.date_in_future': { vi: 'Ngày không được ở tương lai.', en: 'The date cannot be in the future.' },
  'member.sex_invalid': { vi: 'Giới tính phải là Nam hoặc Nữ.', en: 'Sex must be male or female.' },
  'member.nationality_invalid': {
    vi: 'Quốc tịch phải là mã 2 chữ cái (VN, KR, JP…).',
    en: 'Nationality is a 2-letter code (VN, KR, JP…).',
  },
  'member.legacy_id_invalid': {
    vi: 'Số CMND cũ phải gồm 9 chữ số.',
    en: 'An old ID card number has 9 digits.',
  },
  'member.passport_invalid': {
    vi: 'Số hộ chiếu gồm 6–20 chữ cái in hoa hoặc chữ số.',
    en: 'A passport number has 6–20 capital letters or digits.',
  },
  'member.passport_required': {
    vi: 'Đoàn viên người nước ngoài cần có số hộ chiếu.',
    en: 'A foreign member needs a passport number.',
  },
  'member.citizen_id_for_foreigner': {
    vi: 'Người nước ngoài không có số định danh cá nhân Việt Nam; hãy nhập số hộ chiếu.',
    en: 'A foreign national has no Vietnamese citizen ID; enter the passport number.',
  },
  'member.sensitive_needs_consent': {
    vi: 'Dân tộc và tôn giáo là dữ liệu nhạy cảm: chỉ ghi khi đoàn viên đã đồng ý bằng văn bản.',
    en: 'Ethnicity and religion are sensitive data: record them only with the member’s written consent.',
  },
  'member.phone_invalid': {
    vi: 'Số điện thoại di động gồm 10 số, bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84).',
    en: 'A mobile number has 10 digits starting 03, 05, 07, 08 or 09 (or +84).',
  },
  'member.email_invalid': { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid e-mail address.' },
  'member.province_code_invalid': {
    vi: 'Mã tỉnh gồm 2 chữ số (theo QĐ 19/2025/QĐ-TTg).',
    en: 'A province code has 2 digits (QĐ 19/2025/QĐ-TTg).',
  },
  'member.commune_code_invalid': {
    vi: 'Mã xã, phường gồm 5 chữ số (theo QĐ 19/2025/QĐ-TTg).',
    en: 'A commune code has 5 digits (QĐ 19/2025/QĐ-TTg).',
  },
  'member.tax_code_invalid': {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số kèm -3 chữ số chi nhánh.',
    en: 'A tax code has 10 digits, or 10 digits and a 3-digit branch suffix.',
  },
  'member.contract_type_invalid': {
    vi: 'Loại hợp đồng không hợp lệ.',
    en: 'Unknown contract type.',
  },
  'member.contract_months_required': {
    vi: 'Hợp đồng xác định thời hạn cần ghi thời hạn (số tháng).',
    en: 'A fixed-term contract needs its term in months.',
  },
  'member.contract_months_invalid': {
    vi: 'Thời hạn hợp đồng phải là số tháng (ví dụ 12, "12 tháng", "1 năm").',
    en: 'The contract term is a number of months (12, "12 months", "1 year").',
  },
  'member.insured_salary_invalid': {
    vi: 'Mức lương đóng BHXH phải là số tiền bằng đồng (ví dụ 5.000.000).',
    en: 'The insured salary is an amount in đồng (for example 5,000,000).',
  },
  'member.foreign_contract_too_short': {
    vi: 'Người nước ngoài chỉ được gia nhập khi có hợp đồng lao động từ 12 tháng trở lên (Luật Công đoàn 2024, Điều 5).',
    en: 'A foreign worker may join only with a labour contract of 12 months or more (Trade Union Law 2024, Art. 5).',
  },
  'member.too_young': {
    vi: 'Đoàn viên phải đủ 15 tuổi vào ngày gia nhập.',
    en: 'A member must be at least 15 on the day they join.',
  },
  'member.update_empty': { vi: 'Chưa có thay đổi nào.', en: 'Nothing to change.' },
  'member.code_invalid': {
    vi: 'Mã đoàn viên gồm DV và 10 chữ số.',
    en: 'A member code is DV followed by 10 digits.',
  },
  'member.citizen_id_taken': {
    vi: 'Số định danh này đang là đoàn viên ở một công đoàn cơ sở khác. Hãy đề nghị chuyển sinh hoạt thay vì kết nạp mới.',
    en: 'This citizen ID already belongs to a current member elsewhere. Request a transfer instead of a new admission.',
  },
  'member.passport_taken': {
    vi: 'Số hộ chiếu này đang là đoàn viên ở công đoàn cơ sở khác.',
    en: 'This passport number already belongs to a current member.',
  },
  'member.probable_duplicate': {
    vi: 'Có thể trùng đoàn viên đã có (cùng họ tên và ngày sinh). Hãy kiểm tra trước khi lưu.',
    en: 'This may be a member already on record (same name and birth date). Check before saving.',
  },
  'member.unit_not_grassroots': {
    vi: 'Đoàn viên chỉ sinh hoạt tại công đoàn cơ sở, nghiệp đoàn cơ sở hoặc công đoàn bộ phận, tổ công đoàn của chúng.',
    en: 'Members belong to a grassroots union or guild, or a branch or group within one.',
  },
  'member.unit_closed': {
    vi: 'Đơn vị đã giải thể hoặc sáp nhập.',
    en: 'The unit has been closed or merged.',
  },
  'member.transition_not_allowed': {
    vi: 'Không thể ghi sự kiện này với trạng thái hiện tại của đoàn viên.',
    en: 'This event is not allowed in the member’s current status.',
  },
  'member.event_before_last': {
    vi: 'Ngày của sự kiện không được trước sự kiện gần nhất trong hồ sơ.',
    en: 'The event cannot be dated before the last event on the record.',
  },
  'member.transfer_target_required': {
    vi: 'Vui lòng chọn công đoàn cơ sở nhận.',
    en: 'Choose the receiving grassroots union.',
  },
  'member.transfer_same_unit': {
    vi: 'Đoàn viên đang sinh hoạt tại đơn vị này.',
    en: 'The member already belongs to this unit.',
  },
  'member.transfer_pending': {
    vi: 'Đoàn viên đang có đề nghị chuyển sinh hoạt chờ xử lý.',
    en: 'A transfer for this member is already waiting.',
  },
  'member.transfer_not_found': {
    vi: 'Không tìm thấy đề nghị chuyển sinh hoạt.',
    en: 'Transfer request not found.',
  },
  'member.transfer_decided': {
    vi: 'Đề nghị chuyển sinh hoạt này đã được xử lý.',
    en: 'This transfer has already been decided.',
  },
  'member.transfer_identity_mismatch': {
    vi: 'Không tìm thấy đoàn viên đang sinh hoạt với số định danh và mã đoàn viên này.',
    en: 'No current member has this citizen ID and member code.',
  },
  'member.no_own_record': {
    vi: 'Tài khoản của bạn chưa gắn với hồ sơ đoàn viên nào.',
    en: 'Your account is not linked to a member record.',
  },
  'member.correction_not_found': {
    vi: 'Không tìm thấy đề nghị sửa thông tin.',
    en: 'Correction request not found.',
  },
  'member.correction_decided': {
    vi: 'Đề nghị sửa thông tin này đã được xử lý.',
    en: 'This correction has already been decided.',
  },
  'member.correction_pending': {
    vi: 'Bạn đã có một đề nghị sửa thông tin đang chờ duyệt.',
    en: 'You already have a correction waiting for approval.',
  },
  'member.record_invalid': {
    vi: 'Thông tin đoàn viên chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
    en: 'Some member details are invalid.',
  },

  'import.not_spreadsheet': {
    vi: 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV.',
    en: 'The file is not an Excel (.xlsx) or CSV spreadsheet.',
  },
  'import.empty': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'import.too_large': {
    vi: 'Tệp quá lớn: tối đa 20 MB. Hãy chia thành nhiều tệp.',
    en: 'The file is too large: 20 MB at most. Split it into several files.',
  },
  'import.too_many_rows': {
    vi: 'Tệp có quá nhiều dòng: tối đa 100.000 dòng mỗi lần nhập.',
    en: 'Too many rows: at most 100,000 per import.',
  },
  'import.no_header': {
    vi: 'Không tìm thấy dòng tiêu đề (cần ít nhất các cột Họ và tên, Ngày sinh, Giới tính). Hãy dùng tệp mẫu.',
    en: 'No header row found (at least Full name, Birth date and Sex columns). Use the template.',
  },
  'import.file_required': { vi: 'Vui lòng chọn tệp để nhập.', en: 'Choose a file to import.' },
  'import.cell_formula': {
    vi: 'Ô chứa công thức không có giá trị tính sẵn; hãy dán giá trị thay cho công thức.',
    en: 'The cell holds a formula without a value; paste values instead.',
  },
  'import.duplicate_in_file': {
    vi: 'Số định danh này xuất hiện nhiều lần trong tệp.',
    en: 'This citizen ID appears more than once in the file.',
  },
  'import.member_out_of_scope': {
    vi: 'Số định danh đã là đoàn viên ở đơn vị ngoài phạm vi của bạn; hãy đề nghị chuyển sinh hoạt.',
    en: 'This citizen ID belongs to a member outside your units; request a transfer.',
  },
  'import.member_not_current': {
    vi: 'Đoàn viên với số định danh này đã ra khỏi tổ chức; hãy dùng chức năng kết nạp lại.',
    en: 'The member with this citizen ID is no longer current; readmit them instead.',
  },
  'job.not_found': { vi: 'Không tìm thấy tác vụ.', en: 'Job not found.' },
  'job.not_finished': {
    vi: 'Tác vụ chưa hoàn thành; vui lòng đợi.',
    en: 'The job has not finished yet.',
  },
  'statistics.period_invalid': {
    vi: 'Kỳ báo cáo không hợp lệ (ví dụ: 2026-annual, 2026-H1, 2026-Q3).',
    en: 'Invalid report period (for example 2026-annual, 2026-H1, 2026-Q3).',
  },
  'statistics.date_too_early': {
    vi: 'Ngày phải từ năm 1900 trở đi.',
    en: 'The date must be in 1900 or later.',
  },
  'statistics.month_invalid': {
    vi: 'Tháng không hợp lệ (định dạng yyyy-mm).',
    en: 'Invalid month (use yyyy-mm).',
  },
  'statistics.future_date': {
    vi: 'Ngày chốt số liệu không được sau ngày hôm nay.',
    en: 'The cut-off date cannot be in the future.',
  },
  'statistics.series_too_long': {
    vi: 'Khoảng thời gian quá dài: tối đa 120 tháng, và tháng đầu không được sau tháng cuối.',
    en: 'The range is too long (at most 120 months) or reversed.',
  },
  'statistics.period_not_started': {
    vi: 'Kỳ báo cáo này chưa bắt đầu.',
    en: 'This report period has not started yet.',
  },
  'statistics.female_workers_exceed': {
    vi: 'Số lao động nữ không được lớn hơn tổng số lao động.',
    en: 'Female workers cannot exceed the total.',
  },
  'workforce.not_found': {
    vi: 'Đơn vị chưa khai báo số lao động.',
    en: 'No workforce has been declared for this unit.',
  },
  'statistics.not_grassroots': {
    vi: 'Chỉ công đoàn cơ sở, nghiệp đoàn cơ sở khai báo số lao động.',
    en: 'Only grassroots unions and guilds declare a workforce.',
  },
  'card.not_found': { vi: 'Không tìm thấy thẻ đoàn viên.', en: 'No such union card.' },
  'card.member_not_active': {
    vi: 'Đoàn viên không ở trạng thái đang sinh hoạt nên không được cấp thẻ.',
    en: 'Only an active member can be issued a card.',
  },
  'card.no_phone_card': {
    vi: 'Đoàn viên chưa có thẻ trên điện thoại.',
    en: 'The member has no phone card.',
  },
  'card.no_printed_card': { vi: 'Đoàn viên chưa có thẻ in.', en: 'The member has no printed card.' },
  'card.sheet_not_ready': {
    vi: 'Tệp in thẻ chưa sẵn sàng hoặc không được tạo cho lượt cấp này.',
    en: 'The card sheet is not ready, or none was made for this run.',
  },
  'notification.not_found': { vi: 'Không tìm thấy thông báo.', en: 'No such notification.' },
  'member.no_phone': {
    vi: 'Hồ sơ đoàn viên chưa có số điện thoại di động để đăng nhập.',
    en: 'The member record has no mobile number to sign in with.',
  },
  'member.account_exists': {
    vi: 'Số điện thoại này đã có tài khoản đăng nhập.',
    en: 'This mobile number already has an account.',
  },
  'member.not_current': {
    vi: 'Chỉ đoàn viên đang sinh hoạt hoặc tạm dừng sinh hoạt mới được tạo tài khoản đăng nhập.',
    en: 'Only a current (active or suspended) member can be given a sign-in account.',
  },
  'auth.login_code_invalid': {
    vi: 'Mã đăng nhập không đúng hoặc đã hết hạn.',
    en: 'The sign-in code is wrong or expired.',
  },
  'voice.not_found': { vi: 'Không tìm thấy ý kiến.', en: 'No such item.' },
  'voice.member_required': {
    vi: 'Chỉ đoàn viên có hồ sơ trên hệ thống mới gửi được ý kiến.',
    en: 'Only a member with a record can raise an item.',
  },
  'voice.member_not_current': {
    vi: 'Đoàn viên đã thôi sinh hoạt không gửi được ý kiến mới.',
    en: 'A member who has left cannot raise new items.',
  },
  'voice.proposal_not_anonymous': {
    vi: 'Kiến nghị là công khai nên không gửi ẩn danh được; hãy gửi dưới dạng ý kiến riêng.',
    en: 'A proposal is public and cannot be anonymous; raise a private concern instead.',
  },
  'voice.scope_for_proposals': {
    vi: 'Chỉ kiến nghị mới chọn phạm vi công khai.',
    en: 'Only a proposal has a public scope.',
  },
  'voice.wrong_status': {
    vi: 'Ý kiến đang ở trạng thái không cho phép thao tác này.',
    en: 'The item is in a status that does not allow this.',
  },
  'voice.top_level': {
    vi: 'Tổng Liên đoàn là cấp cao nhất, không chuyển lên được nữa.',
    en: 'The Confederation is the top level; there is nowhere higher to escalate.',
  },
  'voice.pass_on_target': {
    vi: 'Chỉ chuyển được cho một đơn vị đang hoạt động trong phạm vi phụ trách của bạn, khác đơn vị đang xử lý.',
    en: 'Pass it on only to another active unit within your responsibility.',
  },
  'voice.reopen_used': {
    vi: 'Mỗi ý kiến chỉ được mở lại một lần.',
    en: 'An item can be reopened only once.',
  },
  'voice.not_author': {
    vi: 'Chỉ người gửi ý kiến mới làm được việc này.',
    en: 'Only the author can do this.',
  },
  'voice.support_not_allowed': {
    vi: 'Chỉ ủng hộ được kiến nghị của người khác trong phạm vi của bạn.',
    en: 'You can support only other members’ proposals within your scope.',
  },
  'voice.attachment_type': {
    vi: 'Tệp đính kèm phải là ảnh JPG, PNG, WebP hoặc tệp PDF.',
    en: 'Attachments must be JPG, PNG or WebP images or PDF files.',
  },
  'voice.attachment_too_large': {
    vi: 'Mỗi tệp đính kèm không quá 5 MB.',
    en: 'Each attachment may be at most 5 MB.',
  },
  'voice.attachments_full': {
    vi: 'Mỗi khiếu nại có tối đa 5 tệp đính kèm.',
    en: 'A complaint can have at most 5 attachments.',
  },
  'voice.attachments_complaints_only': {
    vi: 'Chỉ khiếu nại mới có tệp đính kèm.',
    en: 'Only complaints have attachments.',
  },
  'voice.attachment_not_found': { vi: 'Không tìm thấy tệp đính kèm.', en: 'No such attachment.' },
  'voice.alert_not_found': { vi: 'Không tìm thấy cảnh báo.', en: 'No such alert.' },
  'assistant.conversation_not_found': {
    vi: 'Không tìm thấy cuộc trò chuyện.',
    en: 'No such conversation.',
  },
  'assistant.message_not_found': { vi: 'Không tìm thấy tin nhắn.', en: 'No such message.' },
  'assistant.advice_centre_unknown': {
    vi: 'Hãy chọn một Liên đoàn Lao động hoặc Công đoàn ngành trong danh sách.',
    en: 'Choose a federation or sector union from the list.',
  },
  'assistant.case_exists': {
    vi: 'Câu hỏi này đã được gửi cho tư vấn viên.',
    en: 'This question has already been sent to an adviser.',
  },
  'legal_case.not_found': { vi: 'Không tìm thấy hồ sơ tư vấn.', en: 'No such consultation case.' },
  'legal_case.wrong_status': {
    vi: 'Hồ sơ tư vấn không ở trạng thái cho phép thao tác này.',
    en: 'The case is not in a state that allows this.',
  },
  'legal_case.assigned_to_other': {
    vi: 'Hồ sơ đang do tư vấn viên khác phụ trách.',
    en: 'Another adviser has taken this case.',
  },
  'legal_knowledge.not_found': { vi: 'Không tìm thấy câu trả lời mẫu.', en: 'No such curated answer.' },
  'legal_knowledge.unknown_article': {
    vi: 'Điều luật được trích dẫn không có trong kho văn bản.',
    en: 'A cited article is not in the knowledge base.',
  },
  'legal_knowledge.wrong_status': {
    vi: 'Phiên bản không ở trạng thái cho phép thao tác này.',
    en: 'The version is not in a state that allows this.',
  },
  'legal_knowledge.own_version': {
    vi: 'Người soạn không tự duyệt phiên bản của mình; cần một người duyệt khác.',
    en: 'An author cannot approve their own version; another reviewer is needed.',
  },
  'legal_knowledge.expired_document': {
    vi: 'Không thể trích dẫn văn bản đã hết hiệu lực làm căn cứ hiện hành.',
    en: 'An expired document cannot be cited as current law.',
  },
  'law.document_not_found': { vi: 'Không tìm thấy văn bản.', en: 'No such document.' },
  'law.article_not_found': { vi: 'Không tìm thấy điều luật.', en: 'No such article.' },
  'survey.not_found': { vi: 'Không tìm thấy phiếu khảo sát.', en: 'No such survey.' },
  'survey.unit_not_found': {
    vi: 'Không tìm thấy đơn vị trong phạm vi của bạn.',
    en: 'No such unit within your scope.',
  },
  'survey.not_open': {
    vi: 'Phiếu khảo sát chưa mở hoặc đã kết thúc.',
    en: 'The survey is not open.',
  },
  'survey.already_answered': {
    vi: 'Bạn đã trả lời phiếu khảo sát này rồi.',
    en: 'You have already answered this survey.',
  },
  'survey.answer_invalid': {
    vi: 'Câu trả lời chưa hợp lệ, vui lòng kiểm tra các câu được đánh dấu.',
    en: 'Some answers are invalid.',
  },
  'survey.member_required': {
    vi: 'Chỉ đoàn viên đang sinh hoạt mới trả lời được phiếu khảo sát.',
    en: 'Only an active member can answer a survey.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_MESSAGES, value);
