import { describe, expect, it } from 'vitest';
import { memberRecordProblems, yearsBetween, type FieldProblem, type MemberFields } from './members.js';

/** The rules are pure: "today" is a parameter, fixed here so no test depends on the calendar. */
const TODAY = '2026-03-15';

/** A Vietnamese man born 1990 in Hà Nội: passes every rule as it stands. */
const VALID: MemberFields = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-01',
  sex: 'male',
  citizenId: '001090012345',
};

const problemsOf = (change: Partial<MemberFields>, today = TODAY): FieldProblem[] =>
  memberRecordProblems({ ...VALID, ...change }, today).problems;

const recordOf = (change: Partial<MemberFields>, today = TODAY) => {
  const checked = memberRecordProblems({ ...VALID, ...change }, today);
  expect(checked.problems).toEqual([]);
  return checked.record!;
};

/** The change breaks exactly this rule, on exactly this field, and nothing else. */
const expectOnly = (change: Partial<MemberFields>, field: keyof MemberFields, code: string) =>
  expect(problemsOf(change)).toEqual([{ field, code }]);

describe('memberRecordProblems', () => {
  it('accepts the valid record and returns it cleaned, with the defaults filled in', () => {
    expect(memberRecordProblems(VALID, TODAY)).toEqual({
      problems: [],
      record: {
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-05-01',
        sex: 'male',
        citizenId: '001090012345',
        legacyIdNumber: null,
        passportNumber: null,
        nationality: 'VN',
        ethnicity: null,
        religion: null,
        sensitiveDataConsent: false,
        phone: null,
        email: null,
        addressLine: null,
        provinceCode: null,
        communeCode: null,
        employerName: null,
        employerTaxCode: null,
        contractType: null,
        contractMonths: null,
        occupation: null,
        qualification: null,
        insuredSalary: null,
        cardNumber: null,
        unionPosition: null,
        joinedAt: TODAY,
      },
    });
  });

  it('normalises what people type: spaces, blanks, case', () => {
    const record = recordOf({
      fullName: '  Nguyễn   Văn  An ',
      citizenId: '001 090 012 345',
      email: ' An.Nguyen@Example.VN ',
      addressLine: '   ',
      employerName: ' Công ty   TNHH Hòa Bình ',
      employerTaxCode: '0101 234 567',
      nationality: 'vn',
    });
    expect(record).toMatchObject({
      fullName: 'Nguyễn Văn An',
      citizenId: '001090012345',
      email: 'an.nguyen@example.vn',
      addressLine: null,
      employerName: 'Công ty TNHH Hòa Bình',
      employerTaxCode: '0101234567',
      nationality: 'VN',
    });
  });

  // Unikey's "Unicode tổ hợp" (common in Vietnam) types combining marks: stored precomposed, a name
  // ranks as an exact match and re-saving it is no change.
  it('stores a name typed with combining marks precomposed (NFC)', () =>
    expect(recordOf({ fullName: 'Nguyễn Văn Ân'.normalize('NFD') }).fullName).toBe(
      'Nguyễn Văn Ân'.normalize('NFC'),
    ));

  it('lists every broken rule at once, field by field', () => {
    expect(
      problemsOf({ fullName: '', birthDate: '1990-13-01', sex: 'nam', phone: '123', email: 'x@' }),
    ).toEqual([
      { field: 'fullName', code: 'member.full_name_required' },
      { field: 'birthDate', code: 'member.date_invalid' },
      { field: 'sex', code: 'member.sex_invalid' },
      // Without a usable birth date and sex the citizen ID can only be checked for its shape (it is fine).
      { field: 'phone', code: 'member.phone_invalid' },
      { field: 'email', code: 'member.email_invalid' },
    ]);
  });

  describe('full name', () => {
    it.each([[''], ['   '], ['A']])('%j is missing', (fullName) =>
      expectOnly({ fullName }, 'fullName', 'member.full_name_required'),
    );
    it.each([['Nguyễn Văn 2'], ['an@nguyen'], ['Trần <b>Bình</b>'], ['Lê_Văn'], ['A'.repeat(121)]])(
      '%j is not a name',
      (fullName) => expectOnly({ fullName }, 'fullName', 'member.full_name_invalid'),
    );
    it.each([['Lê Thị Hồng Nhung'], ["H'Hen Niê"], ['Đặng-Thị Mỹ'], ['A'.repeat(120)], ['Ân']])(
      '%j is a name',
      (fullName) => expect(problemsOf({ fullName })).toEqual([]),
    );
  });

  describe('dates', () => {
    it.each([
      ['not a date', 'abc'],
      ['31 February', '1990-02-31'],
      ['29 February of a common year', '1990-02-29'],
      ['month 13', '1990-13-01'],
      ['dd/mm/yyyy (the API speaks ISO; imports convert first)', '01/05/1990'],
      ['before 1900', '1899-12-31'],
      ['empty', ''],
    ])('a birth date that is %s is invalid', (_title, birthDate) =>
      expectOnly({ birthDate, citizenId: null }, 'birthDate', 'member.date_invalid'),
    );

    it('accepts 29 February of a leap year and 1 January 1900', () => {
      expect(problemsOf({ birthDate: '1992-02-29', citizenId: '001092012345' })).toEqual([]);
      expect(problemsOf({ birthDate: '1900-01-01', citizenId: '001000012345' })).toEqual([]);
    });

    it('refuses a birth date in the future (and does not also call the person too young)', () =>
      expectOnly({ birthDate: '2026-03-16', citizenId: null }, 'birthDate', 'member.date_in_future'));

    it('refuses a joined date in the future, accepts today', () => {
      expectOnly({ joinedAt: '2026-03-16' }, 'joinedAt', 'member.date_in_future');
      expect(recordOf({ joinedAt: TODAY }).joinedAt).toBe(TODAY);
    });

    it('refuses a joined date that is not a real date', () =>
      expectOnly({ joinedAt: '2025-02-31' }, 'joinedAt', 'member.date_invalid'));
  });

  describe('sex', () => {
    it.each([['nam'], ['Male'], ['M'], ['']])('%j is refused', (sex) =>
      // The citizen ID's 4th digit cannot be checked without a sex: only its shape is.
      expectOnly({ sex }, 'sex', 'member.sex_invalid'),
    );
    it('female is accepted with a woman’s citizen ID', () =>
      expect(problemsOf({ sex: 'female', citizenId: '001190012345' })).toEqual([]));
  });

  describe('citizen ID (12 digits, NĐ 137/2015 Art. 13)', () => {
    it.each([
      ['11 digits', '00109001234'],
      ['13 digits', '0010900123456'],
      ['a letter in it', '00109001234A'],
      ['the old 9-digit ID card', '012345678'],
    ])('%s → citizen_id.format', (_title, citizenId) =>
      expectOnly({ citizenId }, 'citizenId', 'citizen_id.format'),
    );

    it('checks the shape even when the birth date or sex cannot be used', () => {
      expect(problemsOf({ citizenId: '12345', sex: 'x' })).toEqual([
        { field: 'sex', code: 'member.sex_invalid' },
        { field: 'citizenId', code: 'citizen_id.format' },
      ]);
      expect(problemsOf({ citizenId: '12345', birthDate: 'x' })).toEqual([
        { field: 'birthDate', code: 'member.date_invalid' },
        { field: 'citizenId', code: 'citizen_id.format' },
      ]);
    });

    it.each([
      ['003 (never a province)', '003090012345'],
      ['000', '000090012345'],
      ['097 (beyond the list)', '097090012345'],
      ['079 written as the 2025 two-digit code 79', '790090012345'],
      ['013 (between Lai Châu 012 and Sơn La 014, never used)', '013090012345'],
    ])('birth-province prefix %s → citizen_id.birth_province', (_title, citizenId) =>
      expectOnly({ citizenId }, 'citizenId', 'citizen_id.birth_province'),
    );

    it.each([['001'], ['002'], ['046'], ['079'], ['096']])('accepts the legacy province code %s', (prefix) =>
      expect(problemsOf({ citizenId: `${prefix}090012345` })).toEqual([]),
    );

    it('4th digit: a man born in the 1900s has 0, a woman 1', () => {
      expectOnly({ citizenId: '001190012345' }, 'citizenId', 'citizen_id.century_sex');
      expectOnly({ sex: 'female', citizenId: '001090012345' }, 'citizenId', 'citizen_id.century_sex');
      expectOnly({ citizenId: '001290012345' }, 'citizenId', 'citizen_id.century_sex');
    });

    it('4th digit: a woman born in the 2000s has 3 — her ID starts 0013… in Hà Nội', () => {
      const woman2005 = { birthDate: '2005-06-01', sex: 'female', joinedAt: '2024-01-01' };
      expect(problemsOf({ ...woman2005, citizenId: '001305012345' })).toEqual([]);
      expectOnly({ ...woman2005, citizenId: '001105012345' }, 'citizenId', 'citizen_id.century_sex');
      expectOnly({ ...woman2005, citizenId: '001205012345' }, 'citizenId', 'citizen_id.century_sex');
      // The same number for a man born in 2005 is wrong: his digit is 2.
      expectOnly(
        { ...woman2005, sex: 'male', citizenId: '001305012345' },
        'citizenId',
        'citizen_id.century_sex',
      );
      expect(problemsOf({ ...woman2005, sex: 'male', citizenId: '001205012345' })).toEqual([]);
    });

    it('5th–6th digits are the last two digits of the birth year', () => {
      expectOnly({ citizenId: '001091012345' }, 'citizenId', 'citizen_id.birth_year');
      expectOnly({ citizenId: '001009012345' }, 'citizenId', 'citizen_id.birth_year');
      expect(problemsOf({ birthDate: '1909-01-01', citizenId: '001009012345' })).toEqual([]);
    });

    it('names only the first disagreement when several digits are wrong', () =>
      expectOnly({ citizenId: '003191012345' }, 'citizenId', 'citizen_id.birth_province'));

    it('is optional for a Vietnamese member', () => expect(problemsOf({ citizenId: null })).toEqual([]));
  });

  describe('legacy 9-digit ID card (CMND): a secondary field only', () => {
    it('is kept beside the citizen ID', () =>
      expect(recordOf({ legacyIdNumber: '012 345 678' }).legacyIdNumber).toBe('012345678'));
    it.each([['01234567'], ['0123456789'], ['01234567X']])('%j is refused', (legacyIdNumber) =>
      expectOnly({ legacyIdNumber }, 'legacyIdNumber', 'member.legacy_id_invalid'),
    );
    it('is refused in the citizen ID field', () =>
      expectOnly({ citizenId: '012345678' }, 'citizenId', 'citizen_id.format'));
  });

  describe('passport', () => {
    it('is stored in capitals without spaces', () =>
      expect(recordOf({ passportNumber: 'b 1234567' }).passportNumber).toBe('B1234567'));
    it.each([['AB123'], ['A'.repeat(21)], ['B-1234567'], ['Б1234567']])('%j is refused', (passportNumber) =>
      expectOnly({ passportNumber }, 'passportNumber', 'member.passport_invalid'),
    );
  });

  describe('foreign members (Law 50/2024 Art. 5)', () => {
    const KOREAN: Partial<MemberFields> = {
      fullName: 'Kim Min Jun',
      nationality: 'KR',
      citizenId: null,
      passportNumber: 'M12345678',
      contractType: 'fixed_term',
      contractMonths: 12,
    };

    it('a contract of 12 months is enough', () => expect(problemsOf(KOREAN)).toEqual([]));
    it('an indefinite contract is enough', () =>
      expect(recordOf({ ...KOREAN, contractType: 'indefinite', contractMonths: null })).toMatchObject({
        nationality: 'KR',
        contractType: 'indefinite',
        contractMonths: null,
      }));
    it('11 months is too short', () =>
      expectOnly({ ...KOREAN, contractMonths: 11 }, 'contractMonths', 'member.foreign_contract_too_short'));
    it.each([
      ['no contract type', { contractType: null, contractMonths: null }],
      ['working without a contract', { contractType: 'none', contractMonths: null }],
    ])('%s is refused', (_title, change) =>
      expectOnly({ ...KOREAN, ...change }, 'contractMonths', 'member.foreign_contract_too_short'),
    );
    it('needs a passport', () =>
      expectOnly({ ...KOREAN, passportNumber: null }, 'passportNumber', 'member.passport_required'));
    it('may not carry a Vietnamese citizen ID', () =>
      expectOnly({ ...KOREAN, citizenId: '001090012345' }, 'citizenId', 'member.citizen_id_for_foreigner'));
    it('names the nationality as two letters', () => {
      expectOnly({ ...KOREAN, nationality: 'KOR' }, 'nationality', 'member.nationality_invalid');
      expect(recordOf({ ...KOREAN, nationality: 'kr' }).nationality).toBe('KR');
    });
    it('a Vietnamese member needs no contract at all', () =>
      expect(problemsOf({ contractType: 'none' })).toEqual([]));
  });

  describe('sensitive data (ethnicity, religion) needs the member’s consent', () => {
    it('ethnicity without consent is refused', () =>
      expectOnly({ ethnicity: 'Tày' }, 'ethnicity', 'member.sensitive_needs_consent'));
    it('religion without consent is refused', () =>
      expectOnly({ religion: 'Phật giáo' }, 'religion', 'member.sensitive_needs_consent'));
    it('consent given as false is no consent', () =>
      expectOnly(
        { ethnicity: 'Tày', sensitiveDataConsent: false },
        'ethnicity',
        'member.sensitive_needs_consent',
      ));
    it('with consent both are kept', () =>
      expect(recordOf({ ethnicity: 'Tày', religion: 'Phật giáo', sensitiveDataConsent: true })).toMatchObject(
        {
          ethnicity: 'Tày',
          religion: 'Phật giáo',
          sensitiveDataConsent: true,
        },
      ));
  });

  describe('phone: mobile numbers only, stored as +84…', () => {
    it.each([
      ['0912345678', '+84912345678'],
      ['0312 345 678', '+84312345678'],
      ['0512.345.678', '+84512345678'],
      ['0712345678', '+84712345678'],
      ['0812345678', '+84812345678'],
      ['+84912345678', '+84912345678'],
      ['+84 912 345 678', '+84912345678'],
    ])('%j → %s', (phone, stored) => expect(recordOf({ phone }).phone).toBe(stored));

    it.each([
      ['a Hà Nội landline', '02438251234'],
      ['a short number', '091234567'],
      ['11 digits', '09123456789'],
      ['a prefix no network uses', '0612345678'],
      ['the old 11-digit 016x form', '01651234567'],
      ['a short code', '1900'],
    ])('%s is refused', (_title, phone) => expectOnly({ phone }, 'phone', 'member.phone_invalid'));
  });

  describe('e-mail', () => {
    it.each([['an.nguyen'], ['an@'], ['@example.vn'], ['an nguyen@example.vn'], ['an@example']])(
      '%j is refused',
      (email) => expectOnly({ email }, 'email', 'member.email_invalid'),
    );
  });

  describe('2025 administrative codes (QĐ 19/2025/QĐ-TTg)', () => {
    it('a province code has 2 digits', () => {
      expect(recordOf({ provinceCode: '01' }).provinceCode).toBe('01');
      expectOnly({ provinceCode: '1' }, 'provinceCode', 'member.province_code_invalid');
      expectOnly({ provinceCode: '001' }, 'provinceCode', 'member.province_code_invalid');
      expectOnly({ provinceCode: 'HN' }, 'provinceCode', 'member.province_code_invalid');
    });
    it('a commune code has 5 digits', () => {
      expect(recordOf({ communeCode: '00004' }).communeCode).toBe('00004');
      expectOnly({ communeCode: '0004' }, 'communeCode', 'member.commune_code_invalid');
      expectOnly({ communeCode: '000004' }, 'communeCode', 'member.commune_code_invalid');
      expectOnly({ communeCode: '0000A' }, 'communeCode', 'member.commune_code_invalid');
    });
  });

  describe('employer tax code', () => {
    it.each([['0101234567'], ['0101234567-001']])('%j is accepted', (employerTaxCode) =>
      expect(recordOf({ employerTaxCode }).employerTaxCode).toBe(employerTaxCode),
    );
    it.each([['010123456'], ['01012345678'], ['0101234567001'], ['0101234567-01'], ['010123456A']])(
      '%j is refused',
      (employerTaxCode) => expectOnly({ employerTaxCode }, 'employerTaxCode', 'member.tax_code_invalid'),
    );
  });

  describe('contract', () => {
    it('a fixed-term contract needs its months', () =>
      expectOnly({ contractType: 'fixed_term' }, 'contractMonths', 'member.contract_months_required'));
    it('a fixed-term contract keeps its months; other types drop them', () => {
      expect(recordOf({ contractType: 'fixed_term', contractMonths: 24 }).contractMonths).toBe(24);
      expect(recordOf({ contractType: 'indefinite', contractMonths: 24 }).contractMonths).toBeNull();
    });
    it('an unknown type is refused', () =>
      expectOnly({ contractType: 'seasonal' }, 'contractType', 'member.contract_type_invalid'));
  });

  describe('age at least 15 on the day of joining', () => {
    // Born 15 March 2005 (a woman, Hà Nội): 15 on 15 March 2020.
    const GIRL = { birthDate: '2005-03-15', sex: 'female', citizenId: '001305012345' };

    it('exactly 15 that day is accepted', () =>
      expect(problemsOf({ ...GIRL, joinedAt: '2020-03-15' })).toEqual([]));
    it('one day short is refused, on the birth date', () =>
      expectOnly({ ...GIRL, joinedAt: '2020-03-14' }, 'birthDate', 'member.too_young'));
    it('without a joined date the day is today', () => {
      expect(problemsOf(GIRL, '2020-03-15')).toEqual([]);
      expect(memberRecordProblems({ ...VALID, ...GIRL }, '2020-03-14').problems).toEqual([
        { field: 'birthDate', code: 'member.too_young' },
      ]);
    });
    it('a joined date before the birth is refused too', () =>
      expectOnly({ joinedAt: '1989-01-01' }, 'birthDate', 'member.too_young'));
  });
});

describe('yearsBetween', () => {
  it.each([
    ['2005-03-15', '2020-03-15', 15],
    ['2005-03-15', '2020-03-14', 14],
    ['2005-12-31', '2021-01-01', 15],
    ['2000-02-29', '2015-02-28', 14],
    ['2000-02-29', '2015-03-01', 15],
  ])('from %s to %s: %i whole years', (from, to, years) => expect(yearsBetween(from, to)).toBe(years));
});
