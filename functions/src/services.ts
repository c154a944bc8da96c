import type { UseCaseDeps } from '@qcdc/core';
import type { TokenValidator } from './auth/token-validator';
import type { DevIssuer } from './auth/dev-issuer';
import type { Logger } from './logger';
import type { DownloadTicketStore } from './store/download-ticket-store';

/** Everything handlers need, built once by the composition root (production or the local host). */
export interface Services {
  deps: UseCaseDeps;
  validateToken: TokenValidator;
  /** Round-trips to storage; resolves with the latency in ms or rejects when storage is down. */
  pingStorage(): Promise<number>;
  downloads: DownloadTicketStore;
  /** Present only when dev auth is explicitly enabled. */
  devIssuer?: DevIssuer | undefined;
  log: Logger;
}
