import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { memberRecordProblems, type MemberFields } from '@union/contracts/members';
import { describe, expect, it, vi } from 'vitest';
import { MEMBER_FIELD_HEADERS } from './member-columns.js';
import { EXAMPLE_MEMBER } from './member-import-guide.js';
import { readMemberSheet } from './read-member-sheet.js';
import {
  memberImportTemplate,
  writeMemberCsv,
  writeMemberXlsx,
  type ExportRow,
} from './write-member-sheet.js';

const EVERY_FIELD: MemberFields = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '1990-03-15',
  sex: 'female',
  citizenId: '001190012345',
  legacyIdNumber: '012345678',
  passportNumber: null,
  nationality: 'VN',
  ethnicity: 'Tày',
  religion: 'Phật giáo',
  sensitiveDataConsent: true,
  phone: '+84912345678',
  email: 'tuyet.nguyen@example.com',
  addressLine: 'Số 12, ngõ 34 phố Huế, Hà Nội',
  provinceCode: '01',
  communeCode: '00004',
  employerName: 'Công ty TNHH "Ánh Dương" & Cộng sự',
  employerTaxCode: '0101234567-001',
  contractType: 'fixed_term',
  contractMonths: 36,
  occupation: 'Kế toán',
  qualification: 'Đại học',
  insuredSalary: 12_500_000,
  cardNumber: 'TDV-000123',
  unionPosition: 'Ủy viên Ban Chấp hành',
  joinedAt: '2015-06-01',
};

const FOREIGN_MEMBER: MemberFields = {
  ...EVERY_FIELD,
  fullName: 'Kim Min-jun',
  birthDate: '1985-12-31',
  sex: 'male',
  citizenId: null,
  legacyIdNumber: null,
  passportNumber: 'M12345678',
  nationality: 'KR',
  ethnicity: null,
  religion: null,
  sensitiveDataConsent: false,
  contractType: 'indefinite',
  contractMonths: null,
  insuredSalary: 30_000_000,
  unionPosition: null,
};

const FEW_FIELDS: MemberFields = {
  fullName: 'Trần Văn Bảo',
  birthDate: '2000-01-01',
  sex: 'male',
  citizenId: '079200012345',
  legacyIdNumber: null,
  passportNumber: null,
  nationality: null,
  ethnicity: null,
  religion: null,
  phone: null,
  email: null,
  addressLine: null,
  provinceCode: null,
  communeCode: null,
  employerName: null,
  employerTaxCode: null,
  contractType: 'none',
  contractMonths: null,
  occupation: null,
  qualification: null,
  insuredSalary: null,
  cardNumber: null,
  unionPosition: null,
  joinedAt: '2024-12-31',
};

const MEMBERS = [EVERY_FIELD, FOREIGN_MEMBER, FEW_FIELDS];

async function* exportRows(members: readonly MemberFields[]): AsyncGenerator<ExportRow> {
  for (const [index, member] of members.entries())
    yield {
      ...member,
      memberCode: `DV${String(index + 1).padStart(10, '0')}`,
      unitName: 'CĐCS Công ty ABC',
      status: 'Đang sinh hoạt',
    };
}

type Writer = (rows: AsyncIterable<ExportRow>, out: Writable) => Promise<void>;

async function written(write: Writer, members: readonly MemberFields[]): Promise<Buffer> {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), write(exportRows(members), out)]);
  return bytes;
}

async function readBack(bytes: Buffer, filename: string) {
  const sheet = await readMemberSheet({ bytes, filename });
  const fields: MemberFields[] = [];
  for await (const row of sheet.rows) {
    expect(row.problems).toEqual([]);
    fields.push(row.fields);
  }
  return { header: sheet.header, fields };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

describe('export → import round trip', () => {
  it.each([
    ['xlsx', writeMemberXlsx, 'doan-vien.xlsx'],
    ['CSV', writeMemberCsv, 'doan-vien.csv'],
  ] as const)('reads back from %s exactly the fields written', async (_, write, filename) => {
    const { header, fields } = await readBack(await written(write, MEMBERS), filename);

    expect(header.ignored).toEqual([]);
    expect(header.columns.filter((column) => column.field === null).map((column) => column.header)).toEqual([
      'STT',
      'Mã đoàn viên',
      'Đơn vị sinh hoạt',
      'Trạng thái',
    ]);
    expect(fields).toStrictEqual(MEMBERS);
  });
});

describe('writeMemberXlsx', () => {
  it('writes a bold, frozen header, real dates and text identifiers', async () => {
    const workbook = await workbookOf(await written(writeMemberXlsx, [EVERY_FIELD]));
    const sheet = workbook.worksheets[0]!;
    const headers = sheet.getRow(1).values as ExcelJS.CellValue[];
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header));

    expect(sheet.views).toMatchObject([{ state: 'frozen', ySplit: 1 }]);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(cell('Ngày sinh').value).toEqual(new Date(Date.UTC(1990, 2, 15)));
    expect(cell('Ngày sinh').numFmt).toBe('dd/mm/yyyy');
    expect(cell('Số định danh cá nhân (CCCD)').value).toBe('001190012345');
    expect(cell('Số định danh cá nhân (CCCD)').numFmt).toBe('@');
    expect(cell('Số điện thoại').value).toBe('+84912345678');
    expect(cell('Giới tính').value).toBe('Nữ');
    expect(cell('Loại hợp đồng').value).toBe('Xác định thời hạn');
    expect(cell('Lương đóng BHXH').value).toBe(12_500_000);
    expect(cell('STT').value).toBe(1);
    expect(cell('Trạng thái').value).toBe('Đang sinh hoạt');
  });
});

describe('writeMemberXlsx with a slow or vanished client', () => {
  it('waits for the client, and lets go of its rows when the client goes away', async () => {
    let produced = 0;
    let released = false;
    async function* endless(): AsyncGenerator<ExportRow> {
      try {
        for (;;) {
          produced += 1;
          yield {
            ...EVERY_FIELD,
            memberCode: 'DV0000000001',
            unitName: 'CĐCS Công ty ABC',
            status: 'Đang sinh hoạt',
          };
        }
      } finally {
        released = true;
      }
    }
    // Nobody reads it: a stalled download.
    const out = new PassThrough();
    const writing = writeMemberXlsx(endless(), out);

    await vi.waitFor(() => expect(out.writableNeedDrain).toBe(true), { timeout: 20_000 });
    const stalledAt = produced;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(produced).toBe(stalledAt);
    expect(produced).toBeLessThan(50_000);

    out.destroy();
    await expect(writing).rejects.toThrow('closed');
    expect(released).toBe(true);
  });
});

describe('writeMemberCsv', () => {
  it('writes UTF-8 with a BOM, commas, CRLF and dd/mm/yyyy dates', async () => {
    const text = (await written(writeMemberCsv, [FEW_FIELDS])).toString('utf8');
    const [header, row] = text.split('\r\n');

    expect(text.startsWith('\uFEFFSTT,Mã đoàn viên,Họ và tên,Ngày sinh,Giới tính,')).toBe(true);
    expect(header!.endsWith(',Ngày vào Công đoàn,Đơn vị sinh hoạt,Trạng thái')).toBe(true);
    expect(row).toBe(
      [
        ...['1', 'DV0000000001', 'Trần Văn Bảo', '01/01/2000', 'Nam', '079200012345'],
        ...Array<string>(13).fill(''),
        'Không có HĐLĐ',
        ...Array<string>(6).fill(''),
        ...['31/12/2024', 'CĐCS Công ty ABC', 'Đang sinh hoạt'],
      ].join(','),
    );
  });
});

describe('memberImportTemplate', () => {
  it('has the headers and an example member that passes every rule', async () => {
    const bytes = await memberImportTemplate();
    const { header, fields } = await readBack(bytes, 'mau-nhap-doan-vien.xlsx');

    expect(header.row).toBe(1);
    expect(header.ignored).toEqual([]);
    expect(fields).toStrictEqual([EXAMPLE_MEMBER]);
    expect(memberRecordProblems(EXAMPLE_MEMBER, '2026-01-01')).toMatchObject({ problems: [] });
  });

  it('explains every column on a second sheet', async () => {
    const workbook = await workbookOf(await memberImportTemplate());
    const guide = workbook.getWorksheet('Hướng dẫn')!;

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Danh sách đoàn viên', 'Hướng dẫn']);
    expect(guide.getColumn(1).values.slice(2, 27)).toEqual(Object.values(MEMBER_FIELD_HEADERS));
    expect(guide.getRow(2).values).toEqual([
      undefined,
      'Họ và tên',
      'Có',
      expect.stringContaining('Nguyễn Văn An'),
    ]);
  });
});
