/**
 * Just enough PNG for app icons: write 8-bit RGBA images, read the IHDR header, and decode
 * 8-bit non-interlaced greyscale/RGB/RGBA images (all five row filters) to check pixels.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { crc32 } from './crc32';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 4 bytes, row by row, R G B A. */
  readonly pixels: Uint8Array;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlace: number;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  out.set(data, 8);
  out.writeUInt32BE(crc32(data, crc32(typeBytes)), 8 + data.length);
  return out;
}

/** Encodes an RGBA image as a PNG (filter 0 on every row, zlib level 9). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('pixel buffer size mismatch');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Reads the IHDR chunk, which the format requires to come first. */
export function readPngHeader(png: Uint8Array): PngHeader {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24]!,
    colorType: buf[25]!,
    interlace: buf[28]!,
  };
}

function chunks(buf: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at + 12 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(data, crc32(buf.subarray(at + 4, at + 8))) !== buf.readUInt32BE(at + 8 + length)) {
      throw new Error(`PNG chunk ${type} has a bad CRC`);
    }
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[at + x - bpp]! : 0;
      const b = y > 0 ? out[at - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[at - stride + x - bpp]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[at + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return out;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes an 8-bit, non-interlaced grey, grey+alpha, RGB or RGBA PNG to RGBA pixels. */
export function decodePng(png: Uint8Array): RgbaImage {
  const header = readPngHeader(png);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new Error(
      `unsupported PNG (bit depth ${header.bitDepth}, colour type ${header.colorType})`,
    );
  }
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const idat = Buffer.concat(
    chunks(buf)
      .filter((c) => c.type === 'IDAT')
      .map((c) => c.data),
  );
  const { width, height } = header;
  const data = unfilter(inflateSync(idat), height, width * channels, channels);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = data.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, a] =
      channels === 1
        ? [s[0]!, s[0]!, s[0]!, 255]
        : channels === 2
          ? [s[0]!, s[0]!, s[0]!, s[1]!]
          : [s[0]!, s[1]!, s[2]!, channels === 4 ? s[3]! : 255];
    pixels.set([r, g, b, a], i * 4);
  }
  return { width, height, pixels };
}
