import { getCACertificates, setDefaultCACertificates } from 'node:tls';

const trusted = new Set<string>();

/**
 * Adds the stand-in's self-signed certificate to this process's default trust store (Node 22.19+),
 * so MSAL and the Graph client reach it with their ordinary HTTPS (global fetch) and no flag that
 * weakens TLS. Local host and tests only; production never calls it.
 */
export function trustCertificate(pem: string): void {
  if (trusted.has(pem)) return;
  trusted.add(pem);
  setDefaultCACertificates([...getCACertificates('default'), pem]);
}
