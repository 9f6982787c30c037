/**
 * The 34 provinces and centrally-run cities since 1 July 2025, with their official 2-digit codes
 * (QĐ 19/2025/QĐ-TTg; domain.md §7.3). Each has one provincial federation of labour.
 */
export const PROVINCES: ReadonlyArray<{ code: string; name: string; city: boolean }> = [
  { code: '01', name: 'Hà Nội', city: true },
  { code: '04', name: 'Cao Bằng', city: false },
  { code: '08', name: 'Tuyên Quang', city: false },
  { code: '11', name: 'Điện Biên', city: false },
  { code: '12', name: 'Lai Châu', city: false },
  { code: '14', name: 'Sơn La', city: false },
  { code: '15', name: 'Lào Cai', city: false },
  { code: '19', name: 'Thái Nguyên', city: false },
  { code: '20', name: 'Lạng Sơn', city: false },
  { code: '22', name: 'Quảng Ninh', city: false },
  { code: '24', name: 'Bắc Ninh', city: false },
  { code: '25', name: 'Phú Thọ', city: false },
  { code: '31', name: 'Hải Phòng', city: true },
  { code: '33', name: 'Hưng Yên', city: false },
  { code: '37', name: 'Ninh Bình', city: false },
  { code: '38', name: 'Thanh Hóa', city: false },
  { code: '40', name: 'Nghệ An', city: false },
  { code: '42', name: 'Hà Tĩnh', city: false },
  { code: '44', name: 'Quảng Trị', city: false },
  { code: '46', name: 'Huế', city: true },
  { code: '48', name: 'Đà Nẵng', city: true },
  { code: '51', name: 'Quảng Ngãi', city: false },
  { code: '52', name: 'Gia Lai', city: false },
  { code: '56', name: 'Khánh Hòa', city: false },
  { code: '66', name: 'Đắk Lắk', city: false },
  { code: '68', name: 'Lâm Đồng', city: false },
  { code: '75', name: 'Đồng Nai', city: false },
  { code: '79', name: 'Hồ Chí Minh', city: true },
  { code: '80', name: 'Tây Ninh', city: false },
  { code: '82', name: 'Đồng Tháp', city: false },
  { code: '86', name: 'Vĩnh Long', city: false },
  { code: '91', name: 'An Giang', city: false },
  { code: '92', name: 'Cần Thơ', city: true },
  { code: '96', name: 'Cà Mau', city: false },
];

/** "Liên đoàn Lao động tỉnh Cao Bằng", "Liên đoàn Lao động thành phố Hà Nội", "… Thành phố Hồ Chí Minh". */
export const federationName = (province: { name: string; city: boolean }): string =>
  province.name === 'Hồ Chí Minh'
    ? 'Liên đoàn Lao động Thành phố Hồ Chí Minh'
    : `Liên đoàn Lao động ${province.city ? 'thành phố' : 'tỉnh'} ${province.name}`;

/** The merged provinces' federations took their present form when the merger took effect. */
export const PROVINCES_MERGED_ON = '2025-07-01';
