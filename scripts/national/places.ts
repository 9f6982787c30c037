/**
 * Where members are: each of the 34 provinces (2025 codes, as first start creates them) with its share
 * of union members and the pre-2025 provinces it merged, whose 3-digit codes open the citizen IDs of
 * people whose birth was registered there (BIRTH_PROVINCE_CODES in packages/contracts).
 */
export interface ProvinceProfile {
  /** 2-digit code of the provincial federation created by first start. */
  code: string;
  /** Share of the country's union members (normalised by the generator). */
  share: number;
  /** Birth-registration codes of the provinces merged into it (citizen ID digits 1–3). */
  legacy: string[];
  /** Southern spelling of Hoàng/Vũ (Huỳnh/Võ) prevails. */
  south: boolean;
}

/**
 * Ho Chi Minh City (with Bình Dương and Bà Rịa–Vũng Tàu since 2025) and Hà Nội hold over a quarter of
 * the members; the industrial provinces around them follow; the northern mountains are small.
 */
export const PROVINCE_PROFILES: readonly ProvinceProfile[] = [
  { code: '79', share: 16.5, legacy: ['079', '074', '077'], south: true },
  { code: '01', share: 11, legacy: ['001'], south: false },
  { code: '75', share: 6, legacy: ['075', '070'], south: true },
  { code: '24', share: 5, legacy: ['027', '024'], south: false },
  { code: '31', share: 4.5, legacy: ['031', '030'], south: false },
  { code: '80', share: 3.5, legacy: ['072', '080'], south: true },
  { code: '33', share: 3, legacy: ['033', '034'], south: false },
  { code: '25', share: 3, legacy: ['025', '026', '017'], south: false },
  { code: '38', share: 3, legacy: ['038'], south: false },
  { code: '40', share: 2.8, legacy: ['040'], south: false },
  { code: '37', share: 2.8, legacy: ['037', '035', '036'], south: false },
  { code: '19', share: 2.5, legacy: ['019', '006'], south: false },
  { code: '48', share: 2.5, legacy: ['048', '049'], south: true },
  { code: '22', share: 2, legacy: ['022'], south: false },
  { code: '92', share: 1.8, legacy: ['092', '093', '094'], south: true },
  { code: '82', share: 1.8, legacy: ['087', '082'], south: true },
  { code: '86', share: 1.8, legacy: ['086', '083', '084'], south: true },
  { code: '91', share: 1.7, legacy: ['089', '091'], south: true },
  { code: '56', share: 1.5, legacy: ['056', '058'], south: true },
  { code: '68', share: 1.5, legacy: ['068', '067', '060'], south: true },
  { code: '52', share: 1.4, legacy: ['064', '052'], south: true },
  { code: '66', share: 1.3, legacy: ['066', '054'], south: true },
  { code: '51', share: 1.2, legacy: ['051', '062'], south: true },
  { code: '42', share: 1.1, legacy: ['042'], south: false },
  { code: '46', share: 1, legacy: ['046'], south: true },
  { code: '44', share: 1, legacy: ['045', '044'], south: true },
  { code: '96', share: 1, legacy: ['096', '095'], south: true },
  { code: '15', share: 0.9, legacy: ['010', '015'], south: false },
  { code: '08', share: 0.8, legacy: ['008', '002'], south: false },
  { code: '20', share: 0.6, legacy: ['020'], south: false },
  { code: '14', share: 0.6, legacy: ['014'], south: false },
  { code: '04', share: 0.4, legacy: ['004'], south: false },
  { code: '11', share: 0.4, legacy: ['011'], south: false },
  { code: '12', share: 0.3, legacy: ['012'], south: false },
];

/** Where migrant workers were born: the populous provinces of the north-centre and the Mekong delta. */
export const MIGRANT_BIRTH_PROVINCES: readonly (readonly [string, number])[] = [
  ['038', 8],
  ['040', 8],
  ['042', 3],
  ['036', 3],
  ['034', 3],
  ['030', 2],
  ['037', 2],
  ['035', 1.5],
  ['001', 3],
  ['079', 3],
  ['044', 2],
  ['045', 1.5],
  ['049', 2],
  ['051', 2],
  ['052', 2],
  ['054', 1],
  ['066', 2],
  ['064', 1],
  ['080', 2],
  ['082', 2],
  ['083', 2],
  ['084', 2],
  ['086', 1.5],
  ['087', 2],
  ['089', 2],
  ['091', 2],
  ['093', 1],
  ['094', 2],
  ['095', 1.5],
  ['096', 2],
  ['022', 1],
  ['024', 2],
  ['026', 1],
  ['025', 1],
  ['019', 1],
  ['017', 1],
  ['008', 1],
  ['002', 0.5],
  ['010', 0.5],
  ['015', 0.5],
  ['020', 0.5],
  ['004', 0.5],
  ['006', 0.3],
  ['011', 0.3],
  ['012', 0.3],
  ['014', 0.5],
  ['027', 1],
  ['031', 1],
  ['033', 1],
  ['046', 1],
  ['048', 1],
  ['056', 1],
  ['058', 0.5],
  ['060', 1],
  ['062', 0.3],
  ['067', 0.3],
  ['068', 0.5],
  ['070', 0.5],
  ['072', 1],
  ['074', 1],
  ['075', 1],
  ['077', 0.5],
  ['092', 1],
];
/** Share of members born outside the province they work in; far higher in the industrial hubs. */
export const migrantShare = (profile: ProvinceProfile): number => (profile.share >= 4 ? 0.45 : 0.15);

export const COMMUNE_PLACES = [
  'Ba Đình',
  'Hoàn Kiếm',
  'Tân Định',
  'Bến Thành',
  'Sài Gòn',
  'Thủ Dầu Một',
  'Dĩ An',
  'Thuận An',
  'Bình Dương',
  'Tân Uyên',
  'Long Biên',
  'Cầu Giấy',
  'Hoàng Mai',
  'Bình Thạnh',
  'Gò Vấp',
  'Thủ Đức',
  'Tân Bình',
  'Bình Tân',
  'An Lạc',
  'Phú Lâm',
  'Biên Hòa',
  'Long Thành',
  'Nhơn Trạch',
  'Trảng Bom',
  'Từ Sơn',
  'Yên Phong',
  'Quế Võ',
  'Việt Yên',
  'Kinh Môn',
  'Thủy Nguyên',
  'An Dương',
  'Đức Hòa',
  'Bến Lức',
  'Phổ Yên',
  'Sông Công',
  'Mỹ Hào',
  'Văn Lâm',
  'Tam Điệp',
  'Phủ Lý',
  'Hòa Khánh',
  'Liên Chiểu',
  'Ninh Kiều',
  'Cái Răng',
  'Long Xuyên',
  'Rạch Giá',
  'Vĩnh Yên',
  'Phúc Yên',
  'Sầm Sơn',
  'Nghi Sơn',
  'Vinh',
  'Cửa Lò',
  'Hạ Long',
  'Cẩm Phả',
  'Móng Cái',
  'Buôn Ma Thuột',
  'Pleiku',
  'Quy Nhơn',
  'Nha Trang',
  'Đà Lạt',
  'Phan Thiết',
];

export const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Tổng công ty'];
export const TRADES = [
  'May mặc',
  'Điện tử',
  'Cơ khí',
  'Xây dựng',
  'Thực phẩm',
  'Dệt may',
  'Giày da',
  'Vận tải',
  'Thương mại',
  'Dược phẩm',
  'Nhựa',
  'Bao bì',
  'Thép',
  'Đồ gỗ',
  'Thủy sản',
  'Phần mềm',
  'Logistics',
  'Cấp nước',
  'Linh kiện',
  'Chế biến gỗ',
];
export const BRANDS = [
  'Sông Hồng',
  'Thăng Long',
  'Hòa Bình',
  'Đông Á',
  'Phú Thịnh',
  'An Phát',
  'Việt Tiến',
  'Hưng Thịnh',
  'Minh Long',
  'Đại Việt',
  'Tân Hoàng',
  'Bình Minh',
  'Hải Đăng',
  'Trường Sơn',
  'Đức Thành',
  'Ánh Dương',
  'Kim Ngân',
  'Phương Đông',
  'Sao Mai',
  'Thành Công',
  'Quang Trung',
  'Lạc Hồng',
  'Hồng Hà',
  'Tràng An',
  'Pouchen',
  'Samsung',
  'Sài Gòn',
  'Cửu Long',
];
export const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'];
export const DEPARTMENTS = [
  'Phân xưởng',
  'Phòng Kỹ thuật',
  'Phòng Kinh doanh',
  'Tổ sản xuất',
  'Kho vận',
  'Chuyền may',
  'Xưởng cắt',
  'Xưởng hoàn thiện',
];

/**
 * The level-2 unions under the Confederation beside the provinces (domain.md §1.4: 19 in Oct 2024):
 * central sector unions (công đoàn ngành Trung ương) and the unions of state corporations (công đoàn
 * tập đoàn, tổng công ty), named as they name themselves. `uppers` are the corporations' or sectors'
 * upper-grassroots unions; their grassroots unions are named from `employers`. About 8 % of members.
 */
export interface CentralUnionProfile {
  type: 'sector_union' | 'corporate_union';
  name: string;
  /** Share of the country's members, on the same scale as PROVINCE_PROFILES' shares. */
  share: number;
  uppers: readonly string[];
  employers: readonly string[];
  /** Where its people were born and how they spell Hoàng/Vũ: the regions it works in. */
  profile: ProvinceProfile;
  /** Founding year of the union, for its establishment date. */
  founded: number;
}

const NATIONWIDE = ['001', '079', '031', '048', '092', '038', '040', '036', '034', '075', '027', '022'];

export const CENTRAL_UNIONS: readonly CentralUnionProfile[] = [
  {
    type: 'sector_union',
    name: 'Công đoàn Giáo dục Việt Nam',
    share: 1.2,
    uppers: [],
    employers: ['Trường Đại học', 'Trường Cao đẳng', 'Học viện', 'Trường Đại học Sư phạm'],
    profile: { code: 'GD', share: 1.2, legacy: NATIONWIDE, south: false },
    founded: 1951,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Y tế Việt Nam',
    share: 1.0,
    uppers: [],
    employers: ['Bệnh viện', 'Bệnh viện Đa khoa', 'Viện Vệ sinh Dịch tễ', 'Bệnh viện Nhi'],
    profile: { code: 'YT', share: 1.0, legacy: NATIONWIDE, south: false },
    founded: 1957,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Viên chức Việt Nam',
    share: 0.5,
    uppers: [],
    employers: ['Viện', 'Trung tâm', 'Cục', 'Tạp chí'],
    profile: { code: 'VC', share: 0.5, legacy: ['001', '001', '001', '079', '048'], south: false },
    founded: 1991,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Công Thương Việt Nam',
    share: 0.9,
    uppers: ['Công đoàn Tổng công ty Thép Việt Nam', 'Công đoàn Tổng công ty Thuốc lá Việt Nam'],
    employers: ['Công ty Cổ phần', 'Công ty TNHH MTV', 'Nhà máy'],
    profile: { code: 'CT', share: 0.9, legacy: NATIONWIDE, south: false },
    founded: 2008,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Xây dựng Việt Nam',
    share: 0.6,
    uppers: ['Công đoàn Tổng công ty Sông Đà', 'Công đoàn Tổng công ty Xây dựng Hà Nội'],
    employers: ['Công ty Cổ phần Xây dựng', 'Công ty Cổ phần Xi măng', 'Công ty Cổ phần Tư vấn Thiết kế'],
    profile: { code: 'XD', share: 0.6, legacy: NATIONWIDE, south: false },
    founded: 1958,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Giao thông Vận tải Việt Nam',
    share: 0.6,
    uppers: ['Công đoàn Tổng công ty Xây dựng Công trình Giao thông 1', 'Công đoàn Cục Đường bộ'],
    employers: ['Công ty Cổ phần Vận tải', 'Công ty Quản lý đường bộ', 'Cảng vụ Hàng hải'],
    profile: { code: 'GT', share: 0.6, legacy: NATIONWIDE, south: false },
    founded: 1957,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Nông nghiệp và Môi trường Việt Nam',
    share: 0.4,
    uppers: ['Công đoàn Tổng công ty Lương thực miền Bắc'],
    employers: ['Công ty TNHH MTV Lâm nghiệp', 'Viện Khoa học Nông nghiệp', 'Công ty Thủy lợi'],
    profile: { code: 'NN', share: 0.4, legacy: NATIONWIDE, south: false },
    founded: 1959,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Ngân hàng Việt Nam',
    share: 0.5,
    uppers: ['Công đoàn Ngân hàng Nông nghiệp và Phát triển Nông thôn', 'Công đoàn Ngân hàng Công thương'],
    employers: ['Chi nhánh Ngân hàng', 'Ngân hàng Thương mại Cổ phần', 'Công ty Tài chính'],
    profile: { code: 'NH', share: 0.5, legacy: NATIONWIDE, south: false },
    founded: 1959,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Tài chính Việt Nam',
    share: 0.3,
    uppers: [],
    employers: ['Chi cục Thuế', 'Kho bạc Nhà nước', 'Cục Hải quan'],
    profile: { code: 'TC', share: 0.3, legacy: NATIONWIDE, south: false },
    founded: 1962,
  },
  {
    type: 'sector_union',
    name: 'Công đoàn Thông tin và Truyền thông Việt Nam',
    share: 0.3,
    uppers: [],
    employers: ['Báo', 'Nhà xuất bản', 'Công ty Cổ phần Viễn thông'],
    profile: { code: 'TT', share: 0.3, legacy: NATIONWIDE, south: false },
    founded: 1947,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Điện lực Việt Nam',
    share: 0.6,
    uppers: [
      'Công đoàn Tổng công ty Điện lực miền Bắc',
      'Công đoàn Tổng công ty Điện lực miền Trung',
      'Công đoàn Tổng công ty Điện lực miền Nam',
      'Công đoàn Tổng công ty Truyền tải điện Quốc gia',
    ],
    employers: ['Công ty Điện lực', 'Công ty Thủy điện', 'Công ty Nhiệt điện', 'Công ty Truyền tải điện'],
    profile: { code: 'EVN', share: 0.6, legacy: NATIONWIDE, south: false },
    founded: 1995,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Dầu khí Việt Nam',
    share: 0.3,
    uppers: ['Công đoàn Tổng công ty Khí Việt Nam', 'Công đoàn Tổng công ty Thăm dò Khai thác Dầu khí'],
    employers: ['Công ty Cổ phần Dịch vụ Kỹ thuật Dầu khí', 'Công ty Điều hành Dầu khí', 'Nhà máy Lọc dầu'],
    profile: { code: 'PVN', share: 0.3, legacy: ['077', '079', '051', '038', '040'], south: true },
    founded: 1976,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Than - Khoáng sản Việt Nam',
    share: 0.4,
    uppers: ['Công đoàn Tổng công ty Khoáng sản', 'Công đoàn Tổng công ty Đông Bắc'],
    employers: ['Công ty Than', 'Công ty Tuyển than', 'Công ty Kho vận'],
    profile: { code: 'TKV', share: 0.4, legacy: ['022', '022', '022', '034', '030', '038'], south: false },
    founded: 1995,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Dệt May Việt Nam',
    share: 0.4,
    uppers: [],
    employers: ['Tổng công ty May', 'Công ty Cổ phần Dệt', 'Công ty Cổ phần May'],
    profile: { code: 'VTX', share: 0.4, legacy: ['036', '034', '001', '079', '048', '040'], south: false },
    founded: 1995,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Cao su Việt Nam',
    share: 0.4,
    uppers: [],
    employers: ['Công ty TNHH MTV Cao su', 'Công ty Cổ phần Cao su', 'Nông trường Cao su'],
    profile: { code: 'VRG', share: 0.4, legacy: ['070', '072', '074', '064', '066', '062'], south: true },
    founded: 1995,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Tổng công ty Hàng không Việt Nam',
    share: 0.15,
    uppers: [],
    employers: ['Công ty Dịch vụ Mặt đất', 'Công ty Kỹ thuật Máy bay', 'Đoàn Tiếp viên', 'Đoàn Bay'],
    profile: { code: 'VNA', share: 0.15, legacy: ['001', '079', '048'], south: false },
    founded: 1996,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Đường sắt Việt Nam',
    share: 0.15,
    uppers: [],
    employers: ['Công ty Cổ phần Vận tải Đường sắt', 'Xí nghiệp Đầu máy', 'Công ty Cổ phần Đường sắt'],
    profile: { code: 'VNR', share: 0.15, legacy: NATIONWIDE, south: false },
    founded: 1946,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Tập đoàn Hóa chất Việt Nam',
    share: 0.15,
    uppers: [],
    employers: ['Công ty Cổ phần Phân bón', 'Công ty Cổ phần Hóa chất', 'Công ty Cổ phần Pin Ắc quy'],
    profile: { code: 'VNC', share: 0.15, legacy: NATIONWIDE, south: false },
    founded: 1996,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Bưu chính Viễn thông Việt Nam',
    share: 0.3,
    uppers: ['Công đoàn Tổng công ty Bưu điện Việt Nam'],
    employers: ['Viễn thông', 'Bưu điện tỉnh', 'Trung tâm Kinh doanh'],
    profile: { code: 'VNPT', share: 0.3, legacy: NATIONWIDE, south: false },
    founded: 1947,
  },
  {
    type: 'corporate_union',
    name: 'Công đoàn Tổng công ty Hàng hải Việt Nam',
    share: 0.1,
    uppers: [],
    employers: ['Cảng', 'Công ty Cổ phần Vận tải biển', 'Công ty Cổ phần Hoa tiêu'],
    profile: { code: 'VMS', share: 0.1, legacy: ['031', '031', '079', '048', '022'], south: false },
    founded: 1995,
  },
];

/** Cities where central unions' grassroots units work, for their names. */
export const CITIES = [
  'Hà Nội',
  'Hải Phòng',
  'Đà Nẵng',
  'Huế',
  'Cần Thơ',
  'Thành phố Hồ Chí Minh',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đồng Nai',
  'Bắc Ninh',
  'Thái Nguyên',
  'Gia Lai',
  'An Giang',
];

/**
 * Foreign members (Law 50/2024 Art. 5: a labour contract of 12 months or more): nationalities of the
 * foreign workforce in Vietnam's industrial zones, with names in their own order (surname first for
 * Korea, China, Taiwan and Japan).
 */
export const FOREIGN_ORIGINS: readonly {
  nationality: string;
  weight: number;
  passportPrefix: string;
  surnameFirst: boolean;
  surnames: readonly string[];
  male: readonly string[];
  female: readonly string[];
}[] = [
  {
    nationality: 'KR',
    weight: 35,
    passportPrefix: 'M',
    surnameFirst: true,
    surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
    male: ['Min Jun', 'Seo Jun', 'Ji Hoon', 'Hyun Woo', 'Dong Hyun', 'Sung Min'],
    female: ['Seo Yeon', 'Ji Woo', 'Min Seo', 'Ha Eun', 'Soo Jin', 'Eun Ji'],
  },
  {
    nationality: 'CN',
    weight: 25,
    passportPrefix: 'E',
    surnameFirst: true,
    surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao'],
    male: ['Wei', 'Qiang', 'Lei', 'Jun', 'Yong', 'Jie', 'Tao'],
    female: ['Fang', 'Na', 'Min', 'Jing', 'Li Na', 'Xiu Ying'],
  },
  {
    nationality: 'TW',
    weight: 12,
    passportPrefix: 'T',
    surnameFirst: true,
    surnames: ['Chen', 'Lin', 'Huang', 'Chang', 'Wu', 'Tsai'],
    male: ['Chih Ming', 'Chun Hung', 'Wei Lun', 'Cheng Han'],
    female: ['Mei Ling', 'Shu Fen', 'Ya Ting', 'Hui Chun'],
  },
  {
    nationality: 'JP',
    weight: 10,
    passportPrefix: 'TK',
    surnameFirst: true,
    surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto'],
    male: ['Hiroshi', 'Takeshi', 'Kenji', 'Daisuke', 'Yuki'],
    female: ['Yuko', 'Keiko', 'Akiko', 'Naomi', 'Haruka'],
  },
  {
    nationality: 'PH',
    weight: 6,
    passportPrefix: 'P',
    surnameFirst: false,
    surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia'],
    male: ['Jose', 'Mark', 'John Paul', 'Ramon'],
    female: ['Maria', 'Angelica', 'Kristine', 'Joy'],
  },
  {
    nationality: 'IN',
    weight: 5,
    passportPrefix: 'Z',
    surnameFirst: false,
    surnames: ['Sharma', 'Kumar', 'Singh', 'Patel', 'Reddy'],
    male: ['Rahul', 'Amit', 'Suresh', 'Vikram'],
    female: ['Priya', 'Anjali', 'Deepa', 'Kavita'],
  },
  {
    nationality: 'TH',
    weight: 4,
    passportPrefix: 'AA',
    surnameFirst: false,
    surnames: ['Saetang', 'Srisuk', 'Wongsa', 'Chaiyaphum'],
    male: ['Somchai', 'Anan', 'Prasert'],
    female: ['Malee', 'Siriporn', 'Nok'],
  },
];
