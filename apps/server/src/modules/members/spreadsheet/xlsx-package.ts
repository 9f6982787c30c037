import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { DomainError } from '../../../kernel/errors.js';

// An .xlsx is a zip archive: found through its central directory, the parts that its first worksheet
// needs are checked and handed to exceljs's streaming reader, and nothing else is unpacked.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
/** Workbook, relationships, styles: small parts. */
const SMALL_PART_MAX_BYTES = 16 * 1024 * 1024;
/** Far beyond 100,000 rows of member data: more is a decompression bomb, not a member list. */
const PART_MAX_BYTES = 1024 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Where its local header starts, and where the next entry (or the directory) starts. */
  start: number;
  end: number;
}

interface XlsxPackage {
  bytes: Buffer;
  entries: ReadonlyMap<string, ZipEntry>;
}

/** 1-based rows, 0-based columns, like `SheetLine`. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const notSpreadsheet = () => new DomainError('import.not_spreadsheet');

function readUInt(bytes: Buffer, at: number, size: 2 | 4): number {
  if (at < 0 || at + size > bytes.length) throw notSpreadsheet();
  return size === 2 ? bytes.readUInt16LE(at) : bytes.readUInt32LE(at);
}

function endOfDirectory(bytes: Buffer): number {
  // The end record is the last 22 bytes, unless a comment of up to 64 KiB follows it.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1)
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw notSpreadsheet();
}

function zipEntries(bytes: Buffer): ZipEntry[] {
  const end = endOfDirectory(bytes);
  const count = readUInt(bytes, end + 10, 2);
  const directoryStart = readUInt(bytes, end + 16, 4);
  const entries: ZipEntry[] = [];
  for (let at = directoryStart, index = 0; index < count; index += 1) {
    if (readUInt(bytes, at, 4) !== DIRECTORY_ENTRY) throw notSpreadsheet();
    const nameLength = readUInt(bytes, at + 28, 2);
    if (at + 46 + nameLength > bytes.length) throw notSpreadsheet();
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: (readUInt(bytes, at + 8, 2) & ENCRYPTED_FLAG) === 0 ? readUInt(bytes, at + 10, 2) : -1,
      compressedSize: readUInt(bytes, at + 20, 4),
      start: readUInt(bytes, at + 42, 4),
      end: directoryStart,
    });
    at += 46 + nameLength + readUInt(bytes, at + 30, 2) + readUInt(bytes, at + 32, 2);
  }
  entries.sort((a, b) => a.start - b.start);
  entries.forEach((entry, index) => (entry.end = entries[index + 1]?.start ?? directoryStart));
  return entries;
}

/** The archive's directory, or 'import.not_spreadsheet' for anything that is not a workbook. */
function openXlsxPackage(bytes: Buffer): XlsxPackage {
  const entries = new Map(zipEntries(bytes).map((entry) => [entry.name, entry]));
  if (!entries.has('xl/workbook.xml')) throw notSpreadsheet();
  return { bytes, entries };
}

function compressedData({ bytes }: XlsxPackage, entry: ZipEntry): Buffer {
  if (readUInt(bytes, entry.start, 4) !== LOCAL_ENTRY) throw notSpreadsheet();
  const dataStart =
    entry.start + 30 + readUInt(bytes, entry.start + 26, 2) + readUInt(bytes, entry.start + 28, 2);
  if (dataStart + entry.compressedSize > entry.end) throw notSpreadsheet();
  if (entry.method !== STORED && entry.method !== DEFLATED) throw notSpreadsheet();
  return bytes.subarray(dataStart, dataStart + entry.compressedSize);
}

function partText(xlsx: XlsxPackage, name: string): string {
  const entry = xlsx.entries.get(name);
  if (!entry) return '';
  const data = compressedData(xlsx, entry);
  try {
    return (
      entry.method === STORED ? data : inflateRawSync(data, { maxOutputLength: SMALL_PART_MAX_BYTES })
    ).toString('utf8');
  } catch {
    throw notSpreadsheet();
  }
}

const RELATIONSHIP_ID = /\sId="([^"]*)"/;
const RELATIONSHIP_TARGET = /\sTarget="([^"]*)"/;
/** A sheet's relationship id, "r:id" under whatever prefix the workbook gives that namespace. */
const SHEET_RELATIONSHIP = /\s(?:\w+:)?id="([^"]*)"/;

/** Worksheet parts exceljs reads: it recognises them by this name. */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** The part of the first worksheet in tab order (a chart sheet or a foreign part name is passed over). */
function firstWorksheetPart(xlsx: XlsxPackage): string {
  const targets = new Map<string, string>();
  for (const [relationship] of partText(xlsx, 'xl/_rels/workbook.xml.rels').matchAll(
    /<Relationship\b[^>]*>/g,
  )) {
    const id = RELATIONSHIP_ID.exec(relationship)?.[1];
    const target = RELATIONSHIP_TARGET.exec(relationship)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [sheet] of partText(xlsx, 'xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const part = targets.get(SHEET_RELATIONSHIP.exec(sheet)?.[1] ?? '');
    if (part && WORKSHEET_PART.test(part) && xlsx.entries.has(part)) return part;
  }
  throw notSpreadsheet();
}

function partStream(xlsx: XlsxPackage, entry: ZipEntry): Readable {
  const data = Readable.from([compressedData(xlsx, entry)]);
  return entry.method === STORED ? data : data.pipe(createInflateRaw());
}

/**
 * A part's content, unpacked chunk by chunk. Reading every part exceljs will read first refuses a
 * damaged one here: exceljs waits forever on a part that fails to unpack.
 */
async function* partChunks(xlsx: XlsxPackage, entry: ZipEntry): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of partStream(xlsx, entry) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > PART_MAX_BYTES) throw new DomainError('import.too_large');
      yield chunk;
    }
  } catch (error) {
    throw error instanceof DomainError ? error : notSpreadsheet();
  }
}

const columnNumber = (letters: string): number =>
  [...letters].reduce((number, letter) => number * 26 + letter.charCodeAt(0) - 64, 0);

const MERGE_CELL = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

/**
 * A worksheet lists its merged ranges after all its rows, too late for a streaming read to use them:
 * this pass finds them first, and measures the part.
 */
async function scanWorksheet(
  xlsx: XlsxPackage,
  entry: ZipEntry,
): Promise<{ merges: MergedRange[]; size: number }> {
  const merges: MergedRange[] = [];
  let carried = '';
  let size = 0;
  for await (const chunk of partChunks(xlsx, entry)) {
    size += chunk.length;
    // Tags are ASCII: latin1 keeps bytes as characters and never splits one across chunks.
    const text = carried + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    for (const [, left, top, right, bottom] of text.slice(0, cut).matchAll(MERGE_CELL))
      merges.push({
        top: Number(top),
        left: columnNumber(left!) - 1,
        bottom: Number(bottom),
        right: columnNumber(right!) - 1,
      });
    carried = text.slice(cut);
  }
  return { merges, size };
}

async function unpackedSize(xlsx: XlsxPackage, entry: ZipEntry): Promise<number> {
  let size = 0;
  for await (const chunk of partChunks(xlsx, entry)) size += chunk.length;
  return size;
}

/** How much of `bytes` ends on a whole UTF-8 character. */
function wholeCharactersLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** exceljs decodes every chunk on its own, so a character split between two chunks would be garbled. */
async function* wholeCharacterChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
    const cut = wholeCharactersLength(bytes);
    if (cut > 0) yield bytes.subarray(0, cut);
    carried = bytes.subarray(cut);
  }
  if (carried.length > 0) yield carried;
}

/** The local header of a stored part. Its CRC stays 0: only exceljs reads this stream, and it does not check. */
function storedHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_ENTRY, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

interface RepackedPart {
  name: string;
  entry?: ZipEntry;
  size: number;
}

/** An empty central directory: a streaming reader that meets the end of the data without one fails. */
function endOfArchive(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  return end;
}

async function* storedParts(xlsx: XlsxPackage, parts: readonly RepackedPart[]): AsyncGenerator<Buffer> {
  for (const { name, entry, size } of parts) {
    yield storedHeader(name, size);
    if (entry) yield* wholeCharacterChunks(partChunks(xlsx, entry));
  }
  yield endOfArchive();
}

/** The parts a worksheet refers to, in the order exceljs needs them. */
const SUPPORT_PARTS = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];

export interface XlsxWorksheet {
  /**
   * The archive as exceljs's streaming reader should meet it: the parts the worksheet refers to, then
   * the worksheet, nothing else, each stored unpacked and cut between characters. exceljs reads a
   * worksheet straight from the stream only once it has seen the shared strings; Excel writes them
   * after the worksheets, and exceljs then spools each worksheet to a temporary file that a stopped
   * read never deletes. A workbook without shared strings gets an empty part: exceljs reads it as none.
   */
  stream: Readable;
  merges: MergedRange[];
}

/** The first worksheet of an .xlsx, checked whole: 'import.not_spreadsheet' for anything unreadable. */
export async function openFirstWorksheet(bytes: Buffer): Promise<XlsxWorksheet> {
  const xlsx = openXlsxPackage(bytes);
  const sheetName = firstWorksheetPart(xlsx);
  const parts: RepackedPart[] = [];
  for (const name of SUPPORT_PARTS) {
    const entry = xlsx.entries.get(name);
    if (entry) parts.push({ name, entry, size: await unpackedSize(xlsx, entry) });
    else if (name === 'xl/sharedStrings.xml') parts.push({ name, size: 0 });
  }
  const sheet = xlsx.entries.get(sheetName)!;
  const { merges, size } = await scanWorksheet(xlsx, sheet);
  parts.push({ name: sheetName, entry: sheet, size });
  return { stream: Readable.from(storedParts(xlsx, parts)), merges };
}
