import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../src/dev/graph-stand-in/self-signed-certificate';

describe("the local stand-ins' self-signed certificate", () => {
  it('parses every time (a random serial once made 1 in 256 of them illegal DER)', () => {
    for (let i = 0; i < 1_000; i += 1) {
      const { cert, key } = createSelfSignedCertificate();
      const parsed = new X509Certificate(cert);
      expect(parsed.checkPrivateKey(createPrivateKey(key))).toBe(true);
    }
  });

  it('names localhost and 127.0.0.1 and is valid now', () => {
    const parsed = new X509Certificate(createSelfSignedCertificate().cert);
    expect(parsed.subjectAltName).toContain('DNS:localhost');
    expect(parsed.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(parsed.checkHost('localhost')).toBe('localhost');
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(Date.parse(parsed.validFrom)).toBeLessThan(Date.now());
    expect(Date.parse(parsed.validTo)).toBeGreaterThan(Date.now());
  });
});
