/**
 * A small ZIP writer and reader (no ZIP64, no encryption): enough for a Teams app package and for
 * tests that read one back. Entries are deflated when that makes them smaller, stored otherwise.
 * Timestamps are fixed (1980-01-01), so the same inputs always give the same bytes.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface ZipInput {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: deflate
const DOS_DATE_1980_01_01 = (1 << 5) | 1;

function checkName(name: string): void {
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').includes('..')
  ) {
    throw new Error(`invalid zip entry name: ${name}`);
  }
}

/** Builds a ZIP archive holding `inputs` in the given order. */
export function writeZip(inputs: readonly ZipInput[]): Buffer {
  if (inputs.length > 0xffff) throw new Error('too many entries for a zip without ZIP64');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const { name, data } of inputs) {
    checkName(name);
    if (seen.has(name)) throw new Error(`duplicate zip entry: ${name}`);
    seen.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : Buffer.from(data);
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time 00:00:00
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    header.writeUInt32LE(offset, 42);

    parts.push(local, nameBytes, body);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  if (offset > 0xffffffff) throw new Error('zip too large without ZIP64');
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip file: no end of central directory record');
}

/** The entries listed in the central directory, in order. */
export function listZip(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('bad central directory header');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc32: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function decompress(entry: ZipEntry, body: Buffer): Buffer {
  if (entry.method === 8) return inflateRawSync(body);
  if (entry.method === 0) return Buffer.from(body);
  throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
}

/** The content of one entry, checked against its CRC-32. */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = decompress(entry, zip.subarray(start, start + entry.compressedSize));
  if (data.length !== entry.size || crc32(data) !== entry.crc32) {
    throw new Error(`corrupt zip entry ${entry.name}`);
  }
  return data;
}

/** Every entry's content by name. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(listZip(zip).map((entry) => [entry.name, readZipEntry(zip, entry)]));
}
