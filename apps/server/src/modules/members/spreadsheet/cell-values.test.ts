import { describe, expect, it } from 'vitest';
import { vietnameseNameCase } from '@union/contracts/members';
import {
  FIELD_READERS,
  isTicked,
  isYes,
  readCitizenId,
  readContractMonths,
  readContractType,
  readDate,
  readFullName,
  readMoney,
  readPhone,
  readSex,
} from './cell-values.js';

describe('readDate', () => {
  it.each([
    ['15/03/1990', '1990-03-15'],
    ['5/3/1990', '1990-03-05'],
    ['05-03-1990', '1990-03-05'],
    ['05.03.1990', '1990-03-05'],
    [' 15/03/1990 ', '1990-03-15'],
    ['15/03/1990 00:00:00', '1990-03-15'],
    ['1990-03-15', '1990-03-15'],
    ['29/02/2000', '2000-02-29'],
    ['15/3/90', '1990-03-15'],
    ['15/3/05', '2005-03-15'],
    ['32947', '1990-03-15'],
  ])('reads the text %s as %s', (text, iso) => {
    expect(readDate(text)).toEqual({ value: iso });
  });

  it('reads a two-digit year up to this year as this century, later ones as the last', () => {
    const thisYear = new Date().getUTCFullYear();
    const twoDigits = (year: number) => String(year % 100).padStart(2, '0');
    expect(readDate(`01/01/${twoDigits(thisYear)}`)).toEqual({ value: `${thisYear}-01-01` });
    expect(readDate(`01/01/${twoDigits(thisYear + 1)}`)).toEqual({ value: `${thisYear + 1 - 100}-01-01` });
  });

  it.each([
    [32947, '1990-03-15'],
    [32947.75, '1990-03-15'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    // Excel's phantom 29/02/1900 is serial 60, so 61 is 1 March.
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
  ])('reads the Excel serial %s as %s', (serial, iso) => {
    expect(readDate(serial)).toEqual({ value: iso });
  });

  it('reads a date cell by its UTC day', () => {
    expect(readDate(new Date(Date.UTC(1990, 2, 15)))).toEqual({ value: '1990-03-15' });
  });

  it.each([
    ['31/02/1990', '31/02/1990'],
    ['03/15/1990', '03/15/1990'],
    ['1990', '1990'],
    ['15 tháng 3', '15 tháng 3'],
    [1990, '1990'],
    [60, '60'],
    [true, 'true'],
  ])('keeps %s as typed and reports it unreadable', (cell, typed) => {
    expect(readDate(cell)).toEqual({ value: typed, problem: 'member.date_invalid' });
  });
});

describe('readSex', () => {
  it.each([
    ['Nam', 'male'],
    ['nam', 'male'],
    ['NAM', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Nữ', 'female'],
    ['nu', 'female'],
    ['NỮ', 'female'],
    ['Female', 'female'],
    ['f', 'female'],
  ])('%s is %s', (cell, sex) => {
    expect(readSex(cell)).toEqual({ value: sex });
  });

  it('reports anything else', () => {
    expect(readSex('x')).toEqual({ value: 'x', problem: 'member.sex_invalid' });
  });
});

describe('names', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['đặng thị hương', 'Đặng Thị Hương'],
    ['ĐẶNG THỊ HƯƠNG', 'Đặng Thị Hương'],
    ['Nguyễn văn An', 'Nguyễn văn An'],
    ['Nguyễn Thị Ánh', 'Nguyễn Thị Ánh'],
  ])('%s → %s', (name, cased) => {
    expect(vietnameseNameCase(name)).toBe(cased);
  });

  it('collapses stray spaces and composes decomposed diacritics', () => {
    expect(readFullName('  NGUYÊ\u0303N   VĂN\u00a0 AN ')).toEqual({ value: 'Nguyễn Văn An' });
  });
});

describe('identifiers', () => {
  it.each([
    [1090012345, '001090012345'],
    [79090012345, '079090012345'],
    ['001 090 012 345', '001090012345'],
    ['001.090.012.345', '001090012345'],
    ['1090012345', '001090012345'],
    ['7,9090012345E+10', '079090012345'],
    ['7.9090012345E+10', '079090012345'],
    // Excel kept six digits of this one: the rest cannot be known.
    ['7.9090E+10', '7.9090E+10'],
    ['CCCD cũ', 'CCCD cũ'],
  ])('citizen ID %s → %s', (cell, id) => {
    expect(readCitizenId(cell)).toEqual({ value: id });
  });

  it('restores the zeros other codes lose in a number cell', () => {
    expect(FIELD_READERS.legacyIdNumber(12345678)).toEqual({ value: '012345678' });
    expect(FIELD_READERS.provinceCode(1)).toEqual({ value: '01' });
    expect(FIELD_READERS.communeCode('4')).toEqual({ value: '00004' });
    expect(FIELD_READERS.employerTaxCode(101234567)).toEqual({ value: '0101234567' });
    expect(FIELD_READERS.employerTaxCode('0101234567-001')).toEqual({ value: '0101234567-001' });
    expect(FIELD_READERS.cardNumber(123456)).toEqual({ value: '123456' });
  });

  it.each([
    [912345678, '0912345678'],
    ['912345678', '0912345678'],
    ['0912 345 678', '0912 345 678'],
    ['+84912345678', '+84912345678'],
    [84912345678, '84912345678'],
  ])('phone %s → %s', (cell, phone) => {
    expect(readPhone(cell)).toEqual({ value: phone });
  });
});

describe('money and terms', () => {
  it.each([
    [5000000, 5000000],
    [4680000.4, 4680000],
    ['5000000', 5000000],
    ['5.000.000', 5000000],
    ['5,000,000', 5000000],
    ['5 000 000 đ', 5000000],
    ['8.000.000đ', 8000000],
    ['12.500.000 VNĐ', 12500000],
  ])('salary %s → %s', (cell, amount) => {
    expect(readMoney(cell)).toEqual({ value: amount });
  });

  it.each(['5.000,000', 'năm triệu', '5.5'])('reports the salary %s as unreadable', (cell) => {
    expect(readMoney(cell)).toEqual({ value: null, problem: 'member.insured_salary_invalid' });
  });

  it.each([
    [12, 12],
    ['12', 12],
    ['12 tháng', 12],
    ['36 THÁNG', 36],
    ['1 năm', 12],
    ['1,5 năm', 18],
  ])('contract term %s → %s months', (cell, months) => {
    expect(readContractMonths(cell)).toEqual({ value: months });
  });

  it('reports a term it cannot read', () => {
    expect(readContractMonths('dài hạn')).toEqual({
      value: null,
      problem: 'member.contract_months_invalid',
    });
  });

  it.each([
    ['Không xác định thời hạn', 'indefinite'],
    ['KXĐTH', 'indefinite'],
    ['HĐLĐ không xác định thời hạn', 'indefinite'],
    ['Xác định thời hạn', 'fixed_term'],
    ['XĐTH', 'fixed_term'],
    ['Có thời hạn', 'fixed_term'],
    ['Không có HĐLĐ', 'none'],
    ['Không', 'none'],
  ])('contract type %s → %s', (cell, type) => {
    expect(readContractType(cell)).toEqual({ value: type });
  });

  it('reports a contract type it does not know', () => {
    expect(readContractType('Thử việc')).toEqual({
      value: 'Thử việc',
      problem: 'member.contract_type_invalid',
    });
  });
});

describe('yes and no', () => {
  it.each([['Có'], ['có'], ['x'], ['X'], ['1'], [1], ['yes'], ['✓'], [true]])('%s is a yes', (cell) => {
    expect(isYes(cell)).toBe(true);
  });

  it.each([['Không'], ['0'], [0], ['no'], [false], ['chưa rõ']])('%s is not a yes', (cell) => {
    expect(isYes(cell)).toBe(false);
  });

  it('counts any mark but a clear no as ticked', () => {
    expect([
      isTicked('x'),
      isTicked('✓'),
      isTicked(1),
      isTicked('Nữ'),
      isTicked('0'),
      isTicked('không'),
    ]).toEqual([true, true, true, true, false, false]);
  });
});

describe('other text', () => {
  it('reads nationality names and codes', () => {
    expect(FIELD_READERS.nationality('Việt Nam')).toEqual({ value: 'VN' });
    expect(FIELD_READERS.nationality('kr')).toEqual({ value: 'KR' });
    expect(FIELD_READERS.nationality('Hàn Quốc')).toEqual({ value: 'Hàn Quốc' });
  });

  it('takes the address out of a mailto link', () => {
    expect(FIELD_READERS.email('mailto:an@example.com')).toEqual({ value: 'an@example.com' });
  });

  it('trims and collapses free text, line breaks included', () => {
    expect(FIELD_READERS.addressLine('  Số 1\nphố Huế,   Hà Nội ')).toEqual({
      value: 'Số 1 phố Huế, Hà Nội',
    });
  });
});
