import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { IMPORT_MAX_ROWS } from '@union/contracts/members';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEMBER } from './member-import-guide.js';
import { readMemberSheet } from './read-member-sheet.js';
import { writeMemberCsv, writeMemberXlsx, type ExportRow } from './write-member-sheet.js';

const GIVEN_NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Hương', 'Khánh', 'Lộc', 'Ngọc', 'Phượng', 'Thủy'];

/** Names and addresses full of diacritics, so a character split between two chunks would show. */
const memberAt = (index: number): ExportRow => ({
  ...EXAMPLE_MEMBER,
  fullName: `Nguyễn Thị ${GIVEN_NAMES[index % GIVEN_NAMES.length]} Số ${index}`,
  addressLine: `Số ${index} đường Lê Duẩn, phường Cửa Nam, thành phố Hà Nội`,
  citizenId: `0011900${String(index % 100_000).padStart(5, '0')}`,
  memberCode: `DV${String(index).padStart(10, '0')}`,
  unitName: 'CĐCS Công ty TNHH Điện tử Việt Nhật',
  status: 'Đang sinh hoạt',
});

async function* members(count: number): AsyncGenerator<ExportRow> {
  for (let index = 1; index <= count; index += 1) yield memberAt(index);
}

async function written(
  write: (rows: AsyncIterable<ExportRow>, out: Writable) => Promise<void>,
  count: number,
) {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), write(members(count), out)]);
  return bytes;
}

describe('readMemberSheet at the row limit', () => {
  it('streams a 100,000-row export back, every row intact', async () => {
    const bytes = await written(writeMemberXlsx, IMPORT_MAX_ROWS);
    const sheet = await readMemberSheet({ bytes, filename: 'tinh.xlsx' });

    let count = 0;
    const wrong: number[] = [];
    for await (const { row, fields, problems } of sheet.rows) {
      count += 1;
      const expected = memberAt(count);
      if (
        row !== count + 1 ||
        problems.length > 0 ||
        fields.fullName !== expected.fullName ||
        fields.addressLine !== expected.addressLine ||
        fields.citizenId !== expected.citizenId ||
        fields.birthDate !== expected.birthDate
      )
        wrong.push(row);
    }

    expect(count).toBe(IMPORT_MAX_ROWS);
    expect(wrong).toEqual([]);
  }, 180_000);

  it('stops at the row after the last one allowed', async () => {
    const bytes = await written(writeMemberCsv, IMPORT_MAX_ROWS + 1);
    const sheet = await readMemberSheet({ bytes, filename: 'tinh.csv' });

    let count = 0;
    const reading = (async () => {
      for await (const _row of sheet.rows) count += 1;
    })();

    await expect(reading).rejects.toMatchObject({ code: 'import.too_many_rows' });
    expect(count).toBe(IMPORT_MAX_ROWS);
  }, 120_000);
});
