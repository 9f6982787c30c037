import { describe, expect, it } from 'vitest';
import {
  BIRTH_PROVINCE_CODES,
  centurySexDigit,
  citizenIdProblems,
  restoreCitizenIdZeros,
} from './citizen-id.js';

describe('citizen ID structure', () => {
  it('lists the 63 provinces of birth registration', () => {
    expect(Object.keys(BIRTH_PROVINCE_CODES)).toHaveLength(63);
    expect(BIRTH_PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(BIRTH_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(BIRTH_PROVINCE_CODES['096']).toBe('Cà Mau');
  });

  it.each([
    [1990, 'male', '0'],
    [1990, 'female', '1'],
    [2005, 'male', '2'],
    [2005, 'female', '3'],
    [2101, 'female', '5'],
  ] as const)('born %i, %s → digit 4 is %s', (year, sex, digit) => {
    expect(centurySexDigit(year, sex)).toBe(digit);
  });

  it('accepts a number that agrees with birth year and sex', () => {
    expect(citizenIdProblems('001090012345', { birthDate: '1990-05-01', sex: 'male' })).toEqual([]);
    expect(citizenIdProblems('079305012345', { birthDate: '2005-12-31', sex: 'female' })).toEqual([]);
  });

  it('names each disagreement', () => {
    expect(citizenIdProblems('001190012345', { birthDate: '1990-05-01', sex: 'male' })).toEqual([
      'citizen_id.century_sex',
    ]);
    expect(citizenIdProblems('001091012345', { birthDate: '1990-05-01', sex: 'male' })).toEqual([
      'citizen_id.birth_year',
    ]);
    // 003 was never a province code; 01 (Hà Nội's 2025 code) is not a birth-registration code either.
    expect(citizenIdProblems('003090012345', { birthDate: '1990-05-01', sex: 'male' })).toEqual([
      'citizen_id.birth_province',
    ]);
    expect(citizenIdProblems('12345', { birthDate: '1990-05-01', sex: 'male' })).toEqual([
      'citizen_id.format',
    ]);
    expect(citizenIdProblems('00109001234a', { birthDate: '1990-05-01', sex: 'male' })).toEqual([
      'citizen_id.format',
    ]);
  });

  it('restores the leading zeros a spreadsheet number cell dropped, and nothing else', () => {
    expect(restoreCitizenIdZeros('1090012345')).toBe('001090012345');
    expect(restoreCitizenIdZeros(' 79305012345 ')).toBe('079305012345');
    expect(restoreCitizenIdZeros('123456789')).toBe('123456789');
    expect(restoreCitizenIdZeros('001090012345')).toBe('001090012345');
  });
});
