import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * A throwaway self-signed TLS certificate for the local Graph/Entra stand-in (127.0.0.1 and localhost),
 * built with node:crypto alone: an EC P-256 key and a minimal X.509 v3 certificate in DER. Local runs
 * and tests only; it lives in memory and dies with the process.
 */
export interface SelfSignedCertificate {
  /** PEM certificate: also the trust anchor a client adds for this server. */
  cert: string;
  /** PEM PKCS#8 private key. */
  key: string;
}

export function createSelfSignedCertificate(
  commonName = 'QCDC local Graph stand-in',
  validDays = 2,
): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const now = Date.now();
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8String(commonName))));
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(16);
  // A positive INTEGER in minimal DER: the top bit clear (else negative) and the first byte non-zero
  // (a leading 0x00 before a byte < 0x80 is "illegal padding", refused by OpenSSL 1 time in 256).
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const subjectAltName = sequence(
    contextPrimitive(7, Buffer.from([127, 0, 0, 1])), // iPAddress 127.0.0.1
    contextPrimitive(2, Buffer.from('localhost', 'ascii')), // dNSName
  );
  const extensions = contextConstructed(
    3,
    sequence(
      sequence(oid('2.5.29.19'), boolean(true), octetString(sequence())), // basicConstraints, critical
      sequence(oid('2.5.29.17'), octetString(subjectAltName)),
      sequence(oid('2.5.29.37'), octetString(sequence(oid('1.3.6.1.5.5.7.3.1')))), // serverAuth
    ),
  );
  const tbs = sequence(
    contextConstructed(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaWithSha256,
    name,
    sequence(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + validDays * 86_400_000))),
    name,
    spki,
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ecdsaWithSha256, bitString(signature));
  return {
    cert: pem('CERTIFICATE', der),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else if (length < 0x100) header = Buffer.from([tag, 0x81, length]);
  else if (length < 0x10000) header = Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  else throw new Error('DER element too long');
  return Buffer.concat([header, content]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const integer = (value: Buffer) => tlv(0x02, value);
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const octetString = (value: Buffer) => tlv(0x04, value);
const bitString = (value: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), value]));
const utf8String = (value: string) => tlv(0x0c, Buffer.from(value, 'utf8'));
const contextPrimitive = (n: number, value: Buffer) => tlv(0x80 | n, value);
const contextConstructed = (n: number, value: Buffer) => tlv(0xa0 | n, value);

function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    let rest = part >> 7;
    while (rest > 0) {
      chunk.unshift((rest & 0x7f) | 0x80);
      rest >>= 7;
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}
