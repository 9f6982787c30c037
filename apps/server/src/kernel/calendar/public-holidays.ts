/**
 * Vietnam's public holidays, Tết, compensatory days off and make-up working Saturdays for employees of
 * state agencies and the public sector ("cán bộ, công chức, viên chức"), as dated data.
 *
 * Every year the Prime Minister picks which of the statutory days fall where (the five Tết days, the day
 * next to 2/9) and may swap a working day for a Saturday; the ministry in charge (Bộ LĐTBXH until
 * 2/2025, Bộ Nội vụ since) announces it. So the calendar is data with its source, never a rule in code:
 * when a new notice comes out, add its rows here.
 *
 * Statutory days (Bộ luật Lao động 2019, Điều 112 khoản 1): Tết Dương lịch 1/1; Tết Âm lịch 5 days;
 * Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 and one day next to it. A holiday on a
 * weekly day off is made up on the next working day (Điều 111 khoản 3).
 *
 * Not included: "Ngày Văn hóa Việt Nam" 24/11. Nghị quyết 80-NQ/TW (7/1/2026) made it a paid day off
 * in principle and Nghị quyết 30/NQ-CP (2/2026) tasks amending Điều 112, but no amended law was found;
 * add it here, with its law, once the National Assembly passes it.
 *
 * Lunar dates (Tết, Giỗ Tổ) checked against the Vietnamese lunar calendar for UTC+7 (Hồ Ngọc Đức's
 * algorithm): Tết 10/2/2024, 29/1/2025, 17/2/2026, 6/2/2027; Giỗ Tổ 18/4/2024, 7/4/2025, 26/4/2026,
 * 16/4/2027.
 */

export interface CalendarDay {
  /** yyyy-mm-dd, Vietnam's calendar date. */
  day: string;
  /**
   * holiday: a statutory public holiday or Tết day; day_off: a compensatory day or a weekday swapped
   * for a make-up Saturday; working_saturday: a Saturday worked in exchange ("làm bù").
   */
  kind: 'holiday' | 'day_off' | 'working_saturday';
  /** What the day is, in Vietnamese. */
  name: string;
  /** The notice, letter or law that fixes the day. */
  source: string;
}

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112';
const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, Điều 111 khoản 3 và Điều 112';

const NOTICE_2024 =
  'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Bộ Lao động – Thương binh và Xã hội), ' +
  'http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html';
const SWAP_APRIL_2024 =
  'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (Văn phòng Chính phủ), ' +
  'https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html';

const NOTICE_2025 =
  'Thông báo 6150/TB-BLĐTBXH năm 2024 (Bộ Lao động – Thương binh và Xã hội), theo Công văn ' +
  '8726/VPCP-KGVX ngày 26/11/2024, https://baodanang.vn/chi-tiet-lich-nghi-le-quoc-khanh-2-9-nam-nay-cho-cong-chuc-vien-chuc-va-nguoi-lao-dong-3299118.html';

const NEW_YEAR_2026 =
  'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ), ' +
  'https://vietnamnet.vn/ban-tin-vietnamnet-26-12-chinh-phu-dong-y-nghi-4-ngay-tet-duong-lich-2026-pre2476040.html';
const NOTICE_2026 =
  'Thông báo 9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ), ' +
  'https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html';
const HUNG_KINGS_2026 =
  `${LABOUR_CODE_COMPENSATION}, ` +
  'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm';

// 2027 is not announced yet: the statutory days, and the compensatory days the law itself gives when a
// holiday falls on a weekend (Art. 111(3)); swaps and extra days off come with the year's notice.
const STATUTORY_2027 = 'Bộ luật Lao động 2019, Điều 112 (ngày nghỉ bù chưa công bố)';
// Which five days around Tết, and which day next to 2/9, the Prime Minister picks is not known yet.
const COMPENSATORY_2027 =
  'Bộ luật Lao động 2019, Điều 111 khoản 3: ngày nghỉ lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp';
const ESTIMATED_2027 =
  `${STATUTORY_2027}; ngày cụ thể chưa công bố, tạm tính theo năm có cùng thứ trong tuần ` +
  '(Tết: 2 ngày trước, 3 ngày sau như Tết 2024; Quốc khánh: thêm 3/9 như năm 2021)';

export const PUBLIC_HOLIDAYS: readonly CalendarDay[] = [
  // 2024
  { day: '2024-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: LABOUR_CODE },
  {
    day: '2024-02-08',
    kind: 'holiday',
    name: 'Tết Nguyên đán Giáp Thìn (29 tháng Chạp)',
    source: NOTICE_2024,
  },
  {
    day: '2024-02-09',
    kind: 'holiday',
    name: 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)',
    source: NOTICE_2024,
  },
  { day: '2024-02-10', kind: 'holiday', name: 'Tết Nguyên đán Giáp Thìn (mùng 1 Tết)', source: NOTICE_2024 },
  { day: '2024-02-11', kind: 'holiday', name: 'Tết Nguyên đán Giáp Thìn (mùng 2 Tết)', source: NOTICE_2024 },
  { day: '2024-02-12', kind: 'holiday', name: 'Tết Nguyên đán Giáp Thìn (mùng 3 Tết)', source: NOTICE_2024 },
  {
    day: '2024-02-13',
    kind: 'day_off',
    name: 'Nghỉ bù Tết Nguyên đán (mùng 1 Tết trùng thứ Bảy)',
    source: NOTICE_2024,
  },
  {
    day: '2024-02-14',
    kind: 'day_off',
    name: 'Nghỉ bù Tết Nguyên đán (mùng 2 Tết trùng Chủ nhật)',
    source: NOTICE_2024,
  },
  { day: '2024-04-18', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LABOUR_CODE },
  {
    day: '2024-04-29',
    kind: 'day_off',
    name: 'Hoán đổi ngày làm việc dịp 30/4–1/5 (làm bù thứ Bảy 4/5/2024)',
    source: SWAP_APRIL_2024,
  },
  { day: '2024-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', source: LABOUR_CODE },
  { day: '2024-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', source: LABOUR_CODE },
  {
    day: '2024-05-04',
    kind: 'working_saturday',
    name: 'Làm bù cho thứ Hai 29/4/2024',
    source: SWAP_APRIL_2024,
  },
  { day: '2024-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', source: NOTICE_2024 },
  { day: '2024-09-03', kind: 'holiday', name: 'Quốc khánh (ngày liền kề sau 2/9)', source: NOTICE_2024 },

  // 2025
  { day: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: LABOUR_CODE },
  { day: '2025-01-27', kind: 'holiday', name: 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', source: NOTICE_2025 },
  { day: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', source: NOTICE_2025 },
  { day: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên đán Ất Tỵ (mùng 1 Tết)', source: NOTICE_2025 },
  { day: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên đán Ất Tỵ (mùng 2 Tết)', source: NOTICE_2025 },
  { day: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên đán Ất Tỵ (mùng 3 Tết)', source: NOTICE_2025 },
  { day: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LABOUR_CODE },
  { day: '2025-04-26', kind: 'working_saturday', name: 'Làm bù cho thứ Sáu 2/5/2025', source: NOTICE_2025 },
  { day: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', source: NOTICE_2025 },
  { day: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', source: NOTICE_2025 },
  {
    day: '2025-05-02',
    kind: 'day_off',
    name: 'Hoán đổi ngày làm việc dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)',
    source: NOTICE_2025,
  },
  { day: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề trước 2/9)', source: NOTICE_2025 },
  { day: '2025-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', source: NOTICE_2025 },

  // 2026
  { day: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: NEW_YEAR_2026 },
  {
    day: '2026-01-02',
    kind: 'day_off',
    name: 'Hoán đổi ngày làm việc dịp Tết Dương lịch (làm bù thứ Bảy 10/1/2026)',
    source: NEW_YEAR_2026,
  },
  { day: '2026-01-10', kind: 'working_saturday', name: 'Làm bù cho thứ Sáu 2/1/2026', source: NEW_YEAR_2026 },
  {
    day: '2026-02-16',
    kind: 'holiday',
    name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)',
    source: NOTICE_2026,
  },
  { day: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ (mùng 1 Tết)', source: NOTICE_2026 },
  { day: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ (mùng 2 Tết)', source: NOTICE_2026 },
  { day: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ (mùng 3 Tết)', source: NOTICE_2026 },
  { day: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ (mùng 4 Tết)', source: NOTICE_2026 },
  { day: '2026-04-26', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: HUNG_KINGS_2026 },
  {
    day: '2026-04-27',
    kind: 'day_off',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)',
    source: HUNG_KINGS_2026,
  },
  { day: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', source: LABOUR_CODE },
  { day: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', source: LABOUR_CODE },
  { day: '2026-08-22', kind: 'working_saturday', name: 'Làm bù cho thứ Hai 31/8/2026', source: NOTICE_2026 },
  {
    day: '2026-08-31',
    kind: 'day_off',
    name: 'Hoán đổi ngày làm việc dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
    source: NOTICE_2026,
  },
  { day: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề trước 2/9)', source: NOTICE_2026 },
  { day: '2026-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', source: NOTICE_2026 },

  // 2027: not announced yet (see STATUTORY_2027).
  { day: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: STATUTORY_2027 },
  {
    day: '2027-02-04',
    kind: 'holiday',
    name: 'Tết Nguyên đán Đinh Mùi (28 tháng Chạp)',
    source: ESTIMATED_2027,
  },
  {
    day: '2027-02-05',
    kind: 'holiday',
    name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)',
    source: ESTIMATED_2027,
  },
  {
    day: '2027-02-06',
    kind: 'holiday',
    name: 'Tết Nguyên đán Đinh Mùi (mùng 1 Tết)',
    source: STATUTORY_2027,
  },
  {
    day: '2027-02-07',
    kind: 'holiday',
    name: 'Tết Nguyên đán Đinh Mùi (mùng 2 Tết)',
    source: STATUTORY_2027,
  },
  {
    day: '2027-02-08',
    kind: 'holiday',
    name: 'Tết Nguyên đán Đinh Mùi (mùng 3 Tết)',
    source: STATUTORY_2027,
  },
  {
    day: '2027-02-09',
    kind: 'day_off',
    name: 'Nghỉ bù Tết Nguyên đán (trùng thứ Bảy)',
    source: COMPENSATORY_2027,
  },
  {
    day: '2027-02-10',
    kind: 'day_off',
    name: 'Nghỉ bù Tết Nguyên đán (trùng Chủ nhật)',
    source: COMPENSATORY_2027,
  },
  { day: '2027-04-16', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: STATUTORY_2027 },
  { day: '2027-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', source: STATUTORY_2027 },
  { day: '2027-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', source: STATUTORY_2027 },
  { day: '2027-05-03', kind: 'day_off', name: 'Nghỉ bù ngày 1/5 (trùng thứ Bảy)', source: COMPENSATORY_2027 },
  { day: '2027-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', source: STATUTORY_2027 },
  { day: '2027-09-03', kind: 'holiday', name: 'Quốc khánh (ngày liền kề sau 2/9)', source: ESTIMATED_2027 },
];
