import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMemberSheet, type SheetRow } from './read-member-sheet.js';

async function xlsxOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Danh sách'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function read(bytes: Buffer, filename = 'danh-sach.xlsx') {
  const sheet = await readMemberSheet({ bytes, filename });
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { header: sheet.header, rows };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

/** A zip of stored files, for archives that are not workbooks. */
function storedZip(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, data);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directoryBytes, end]);
}

/** Overwrites the start of a part's compressed data, as a damaged download would. */
function damagePart(bytes: Buffer, part: string): Buffer {
  const damaged = Buffer.from(bytes);
  const at = damaged.indexOf(part) + part.length;
  damaged.fill(0xff, at, at + 64);
  return damaged;
}

describe('readMemberSheet: xlsx as unions keep them', () => {
  it('finds the header under title rows and normalises names, dates, IDs and phones', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH ABC']);
      sheet.mergeCells('A1:G1');
      sheet.addRow(['DANH SÁCH ĐOÀN VIÊN']);
      sheet.addRow([]);
      sheet.addRow(['STT', 'HỌ VÀ TÊN', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT', 'Ghi chú']);
      sheet.addRow([1, 'NGUYỄN VĂN AN', day(1990, 3, 15), 'Nam', 1090012345, 912345678, 'Tổ 1']);
      sheet.addRow([2, '  trần   thị  bình ', '05/11/1985', 'nữ', '001185012345', '0987 654 321', '']);
    });

    const { header, rows } = await read(bytes);

    expect(header).toEqual({
      row: 4,
      columns: [
        { index: 0, field: null, header: 'STT' },
        { index: 1, field: 'fullName', header: 'HỌ VÀ TÊN' },
        { index: 2, field: 'birthDate', header: 'Ngày sinh' },
        { index: 3, field: 'sex', header: 'Giới tính' },
        { index: 4, field: 'citizenId', header: 'Số CCCD' },
        { index: 5, field: 'phone', header: 'SĐT' },
        { index: 6, field: null, header: 'Ghi chú' },
      ],
      ignored: ['Ghi chú'],
    });
    expect(rows).toEqual([
      {
        row: 5,
        fields: {
          fullName: 'Nguyễn Văn An',
          birthDate: '1990-03-15',
          sex: 'male',
          citizenId: '001090012345',
          phone: '0912345678',
        },
        problems: [],
      },
      {
        row: 6,
        fields: {
          fullName: 'Trần Thị Bình',
          birthDate: '1985-11-05',
          sex: 'female',
          citizenId: '001185012345',
          phone: '0987 654 321',
        },
        problems: [],
      },
    ]);
  });

  it('reads a two-row header with "Giới tính" merged over "Nam" | "Nữ" columns', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', '', 'CCCD']);
      sheet.addRow(['', '', '', 'Nam', 'Nữ', '']);
      for (const column of ['A', 'B', 'C', 'F']) sheet.mergeCells(`${column}1:${column}2`);
      sheet.mergeCells('D1:E1');
      sheet.addRow([1, 'Lê Văn Cường', 32947, 'x', '', 79090012345]);
      sheet.addRow([2, 'Phạm Thị Dung', '1/2/1992', '', 'X', '001192012345']);
      sheet.addRow([3, 'Ngô Văn Hải', '1/2/1992', '✓', '✓', '']);
    });

    const { header, rows } = await read(bytes);

    expect(header).toEqual({
      row: 2,
      columns: [
        { index: 0, field: null, header: 'STT' },
        { index: 1, field: 'fullName', header: 'Họ và tên' },
        { index: 2, field: 'birthDate', header: 'Ngày sinh' },
        { index: 3, field: 'sex', header: 'Giới tính (Nam)' },
        { index: 4, field: 'sex', header: 'Giới tính (Nữ)' },
        { index: 5, field: 'citizenId', header: 'CCCD' },
      ],
      ignored: [],
    });
    expect(rows).toEqual([
      {
        row: 3,
        fields: { fullName: 'Lê Văn Cường', birthDate: '1990-03-15', sex: 'male', citizenId: '079090012345' },
        problems: [],
      },
      {
        row: 4,
        fields: {
          fullName: 'Phạm Thị Dung',
          birthDate: '1992-02-01',
          sex: 'female',
          citizenId: '001192012345',
        },
        problems: [],
      },
      {
        row: 5,
        fields: { fullName: 'Ngô Văn Hải', birthDate: '1992-02-01', sex: '', citizenId: null },
        problems: [{ column: 'Giới tính (Nam)', field: 'sex', code: 'member.sex_invalid' }],
      },
    ]);
  });

  it('reads "Ngày sinh" split into "Nam" | "Nữ": the date stands in the column of the sex', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', '', 'Số CCCD']);
      sheet.addRow(['', 'Nam', 'Nữ', '']);
      sheet.mergeCells('A1:A2');
      sheet.mergeCells('B1:C1');
      sheet.mergeCells('D1:D2');
      sheet.addRow(['Hoàng Văn Em', '02/09/1988', '', '001088012345']);
      sheet.addRow(['Vũ Thị Phương', '', day(1995, 10, 20), '001195012345']);
    });

    const { header, rows } = await read(bytes);

    expect(header.columns.slice(1, 3)).toEqual([
      { index: 1, field: 'birthDate', header: 'Ngày sinh (Nam)' },
      { index: 2, field: 'birthDate', header: 'Ngày sinh (Nữ)' },
    ]);
    expect(rows.map((row) => row.fields)).toEqual([
      { fullName: 'Hoàng Văn Em', birthDate: '1988-09-02', sex: 'male', citizenId: '001088012345' },
      { fullName: 'Vũ Thị Phương', birthDate: '1995-10-20', sex: 'female', citizenId: '001195012345' },
    ]);
  });

  it('takes a formula’s saved result, and reports a formula saved without one', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT']);
      sheet.addRow([
        { formula: 'PROPER("đỗ văn giang")', result: 'Đỗ Văn Giang' },
        '01/01/1991',
        'Nam',
        { formula: 'E9*1', result: 1091012345 },
        { formula: '"0"&"912345678"' },
      ]);
    });

    const { rows } = await read(bytes);

    expect(rows).toEqual([
      {
        row: 2,
        fields: {
          fullName: 'Đỗ Văn Giang',
          birthDate: '1991-01-01',
          sex: 'male',
          citizenId: '001091012345',
          phone: null,
        },
        problems: [{ column: 'SĐT', field: 'phone', code: 'import.cell_formula' }],
      },
    ]);
  });

  it('gives every cell of a merged range the value of its first cell', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Đơn vị/Doanh nghiệp']);
      sheet.addRow(['Bùi Văn Khoa', '01/01/1980', 'Nam', 'Công ty ABC']);
      sheet.addRow(['Đinh Thị Lan', '02/02/1982', 'Nữ', '']);
      sheet.addRow(['Mai Thị Nga', '03/03/1983', '', '']);
      sheet.addRow(['Lý Văn Minh', '04/04/1984', 'Nam', 'Công ty XYZ']);
      sheet.mergeCells('D2:D4');
      sheet.mergeCells('C3:C4');
    });

    const { rows } = await read(bytes);

    expect(rows.map(({ fields }) => [fields.fullName, fields.sex, fields.employerName])).toEqual([
      ['Bùi Văn Khoa', 'male', 'Công ty ABC'],
      ['Đinh Thị Lan', 'female', 'Công ty ABC'],
      ['Mai Thị Nga', 'female', 'Công ty ABC'],
      ['Lý Văn Minh', 'male', 'Công ty XYZ'],
    ]);
  });

  it('reads headers without diacritics, split names, rich text, links and booleans; skips what is not a member', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow([
        'TT',
        'Ho va dem',
        'Ten',
        'Ngay sinh',
        'Gioi tinh',
        'Email',
        'Dong y luu du lieu nhay cam',
        'Cot la',
      ]);
      sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)']);
      sheet.addRow([
        1,
        { richText: [{ text: 'NGUYỄN ' }, { text: 'THỊ', font: { bold: true } }] },
        'HOA',
        '15/08/1993',
        'Nữ',
        { text: 'hoa@example.com', hyperlink: 'mailto:hoa@example.com' },
        true,
        'abc',
      ]);
      sheet.addRow([]);
      sheet.addRow([2]);
      sheet.addRow([3, 'Trần', 'Minh', '1993-08-16', 'nam', '', 'không', '']);
    });

    const { header, rows } = await read(bytes);

    expect(header.row).toBe(1);
    expect(header.ignored).toEqual(['Cot la']);
    expect(rows).toEqual([
      {
        row: 3,
        fields: {
          fullName: 'Nguyễn Thị Hoa',
          birthDate: '1993-08-15',
          sex: 'female',
          email: 'hoa@example.com',
          sensitiveDataConsent: true,
        },
        problems: [],
      },
      {
        row: 6,
        fields: {
          fullName: 'Trần Minh',
          birthDate: '1993-08-16',
          sex: 'male',
          email: null,
          sensitiveDataConsent: false,
        },
        problems: [],
      },
    ]);
  });

  it('keeps Vietnamese text whole, however the file is cut into chunks', async () => {
    const addresses = Array.from(
      { length: 300 },
      (_, index) =>
        `Số ${index} ${'đường Nguyễn Thị Minh Khai, phường Bến Nghé, '.repeat(12)}TP. Hồ Chí Minh`,
    );
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ']);
      for (const [index, address] of addresses.entries())
        sheet.addRow([`Trần Thị Ngọc Ánh ${index}`, '01/01/1990', 'Nữ', address]);
    });

    const { rows } = await read(bytes);

    expect(rows.map((row) => row.fields.addressLine)).toEqual(addresses);
  });

  it('reads only the first worksheet in tab order', async () => {
    const workbook = new ExcelJS.Workbook();
    // Added second, shown first: exceljs orders the tabs by `orderNo`, which its types leave out.
    const second = workbook.addWorksheet('Cũ') as ExcelJS.Worksheet & { orderNo: number };
    const first = workbook.addWorksheet('Mới') as ExcelJS.Worksheet & { orderNo: number };
    second.orderNo = 2;
    first.orderNo = 1;
    for (const [sheet, name] of [
      [first, 'Người Thứ Nhất'],
      [second, 'Người Thứ Hai'],
    ] as const) {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
      sheet.addRow([name, '01/01/1990', 'Nam']);
    }

    const { rows } = await read(Buffer.from(await workbook.xlsx.writeBuffer()));

    expect(rows.map((row) => row.fields.fullName)).toEqual(['Người Thứ Nhất']);
  });
});

describe('readMemberSheet: CSV', () => {
  it('reads UTF-8 with a BOM, commas, CRLF and quoted cells', async () => {
    const text =
      '\uFEFFHọ và tên,Ngày sinh,Giới tính,Số CCCD,Địa chỉ,Lương đóng BHXH\r\n' +
      'NGUYỄN VĂN AN,15/03/1990,Nam,1090012345,"Số 1, phố Huế\r\nHà Nội","5,000,000"\r\n' +
      '\r\n' +
      'Trần Thị Bình,5/11/85,Nữ,001185012345,,\r\n';

    const { header, rows } = await read(utf8(text), 'danh-sach.csv');

    expect(header.row).toBe(1);
    expect(rows).toEqual([
      {
        row: 2,
        fields: {
          fullName: 'Nguyễn Văn An',
          birthDate: '1990-03-15',
          sex: 'male',
          citizenId: '001090012345',
          addressLine: 'Số 1, phố Huế Hà Nội',
          insuredSalary: 5000000,
        },
        problems: [],
      },
      {
        row: 4,
        fields: {
          fullName: 'Trần Thị Bình',
          birthDate: '1985-11-05',
          sex: 'female',
          citizenId: '001185012345',
          addressLine: null,
          insuredSalary: null,
        },
        problems: [],
      },
    ]);
  });

  it('reads semicolons (Excel on Vietnamese Windows) with a title line above the header', async () => {
    const text = 'DANH SÁCH ĐOÀN VIÊN;;;\nHọ tên;Ngày sinh;Nam/Nữ;SĐT\nLê Thị Lan;1/2/1992;Nữ;912345678\n';

    const { header, rows } = await read(utf8(text), 'ds.csv');

    expect(header.row).toBe(2);
    expect(rows).toEqual([
      {
        row: 3,
        fields: { fullName: 'Lê Thị Lan', birthDate: '1992-02-01', sex: 'female', phone: '0912345678' },
        problems: [],
      },
    ]);
  });

  it('reads Excel’s tab-separated UTF-16 "Unicode text"', async () => {
    const text = 'Họ và tên\tNgày sinh\tGiới tính\r\nĐặng Văn Quang\t09/09/1979\tNam\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

    const { rows } = await read(bytes, 'ds.txt');

    expect(rows.map((row) => row.fields)).toEqual([
      { fullName: 'Đặng Văn Quang', birthDate: '1979-09-09', sex: 'male' },
    ]);
  });

  it('reads the "Nam" | "Nữ" two-row header of a CSV, where the merge is gone', async () => {
    const text =
      'STT,Họ và tên,Ngày sinh,Giới tính,,CCCD\n,,,Nam,Nữ,\n1,Lê Văn Cường,15/03/1990,,x,079190012345\n';

    const { header, rows } = await read(utf8(text), 'ds.csv');

    expect(header.columns.slice(3, 5)).toEqual([
      { index: 3, field: 'sex', header: 'Giới tính (Nam)' },
      { index: 4, field: 'sex', header: 'Giới tính (Nữ)' },
    ]);
    expect(rows.map((row) => row.fields.sex)).toEqual(['female']);
  });

  it('reads a row holding only a sex right under the header as a row, not as a sub-header', async () => {
    const text = 'Họ và tên,Ngày sinh,Giới tính\n,,Nam\nAn,01/01/1990,Nam\n';

    const { header, rows } = await read(utf8(text), 'ds.csv');

    expect(header.row).toBe(1);
    expect(rows.map((row) => [row.row, row.fields])).toEqual([
      [2, { fullName: '', birthDate: '', sex: 'male' }],
      [3, { fullName: 'An', birthDate: '1990-01-01', sex: 'male' }],
    ]);
  });
});

describe('readMemberSheet: what is not a member list', () => {
  const listBytes = () =>
    xlsxOf((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
      sheet.addRow(['Nguyễn Văn An', '15/03/1990', 'Nam']);
    });

  it.each([
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))],
    ['a zip that is not a workbook', storedZip({ 'readme.txt': 'Xin chào', 'data/list.csv': 'a,b' })],
    ['a truncated workbook', Buffer.from('PK\x03\x04 and then nothing', 'latin1')],
    ['a PDF', Buffer.from('%PDF-1.7\n\x00\x01\x02binary', 'latin1')],
  ])('refuses %s as not a spreadsheet', async (_, bytes) => {
    await expect(read(bytes)).rejects.toMatchObject({ code: 'import.not_spreadsheet' });
  });

  it('says an old .xls must be saved as .xlsx', async () => {
    const bytes = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]);
    await expect(read(bytes, 'ds.xls')).rejects.toMatchObject({
      code: 'import.not_spreadsheet',
      details: { reason: 'xls' },
    });
  });

  it('says a CSV in the Windows code page must be saved as UTF-8', async () => {
    const bytes = Buffer.from('H\xf7 t\xean,Ng\xe0y sinh,Gi\xf3i t\xednh\r\n', 'latin1');
    await expect(read(bytes, 'ds.csv')).rejects.toMatchObject({
      code: 'import.not_spreadsheet',
      details: { reason: 'csv_not_utf8' },
    });
  });

  it('refuses a workbook cut short or damaged, without an unhandled error', async () => {
    const bytes = await listBytes();
    await expect(read(bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toMatchObject({
      code: 'import.not_spreadsheet',
    });
    await expect(read(damagePart(bytes, 'xl/worksheets/sheet1.xml'))).rejects.toMatchObject({
      code: 'import.not_spreadsheet',
    });
    await expect(read(damagePart(bytes, 'xl/sharedStrings.xml'))).rejects.toMatchObject({
      code: 'import.not_spreadsheet',
    });
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a CSV with only a header', utf8('Họ và tên,Ngày sinh,Giới tính\r\n')],
    ['a CSV with a header and blank rows', utf8('Họ và tên;Ngày sinh;Giới tính\n;;\n\n')],
  ])('finds no rows in %s', async (_, bytes) => {
    await expect(read(bytes, 'ds.csv')).rejects.toMatchObject({ code: 'import.empty' });
  });

  it('finds no header in a sheet that is not a member list', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Tên sản phẩm', 'Giá', 'Số lượng']);
      sheet.addRow(['Bút bi', 5000, 10]);
    });
    await expect(read(bytes)).rejects.toMatchObject({ code: 'import.no_header' });
  });

  it('looks for the header in the first 15 rows only', async () => {
    const bytes = await xlsxOf((sheet) => {
      for (let line = 1; line <= 15; line += 1) sheet.addRow([`Dòng giới thiệu ${line}`]);
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
      sheet.addRow(['Nguyễn Văn An', '15/03/1990', 'Nam']);
    });
    await expect(read(bytes)).rejects.toMatchObject({ code: 'import.no_header' });
  });

  it('refuses a CSV whose quote never closes', async () => {
    const text = 'Họ và tên,Ngày sinh,Giới tính\nAn,01/01/1990,Nam\n"Bình,02/02/1990,Nữ\n';
    await expect(read(utf8(text), 'ds.csv')).rejects.toMatchObject({ code: 'import.not_spreadsheet' });
  });
});
