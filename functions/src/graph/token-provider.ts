import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { Logger } from '../logger';
import type { GraphConfig } from './graph-config';
import { tokenError } from './graph-errors';
import type { GraphAuth, GraphOperation } from './graph-permissions';

/** Graph's resource id: the scope is the same whether calls go to Graph or to the stand-in. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphTokenProvider {
  /** An access token for Graph: on behalf of the user (their API token as assertion) or app-only. */
  tokenFor(auth: GraphAuth, operation: GraphOperation): Promise<string>;
}

/**
 * Tokens from @azure/msal-node's confidential client. On-behalf-of exchanges the caller's own API
 * token (MSAL does not validate it; the API already did); client credentials serve background jobs.
 * MSAL caches both (per tenant authority, per assertion) and refreshes them before they expire.
 *
 * Locally, `authorityHost` is the stand-in's origin and `knownAuthorities` names its host: MSAL then
 * skips Microsoft's instance discovery and reads the authority's OpenID configuration and token
 * endpoint from the stand-in over real HTTPS (its certificate trusted by the local host).
 */
export function createMsalTokenProvider(config: GraphConfig, log: Logger): GraphTokenProvider {
  const credential: Partial<Configuration['auth']> =
    config.credential.kind === 'secret'
      ? { clientSecret: config.credential.secret }
      : {
          clientCertificate: {
            thumbprintSha256: config.credential.thumbprintSha256,
            privateKey: config.credential.privateKey,
            ...(config.credential.x5c ? { x5c: config.credential.x5c } : {}),
          },
        };
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      authority: `${config.authorityHost}/organizations`,
      knownAuthorities: config.knownAuthorities,
      ...credential,
    },
    system: {
      loggerOptions: {
        // Refusals reach us as errors (mapped and logged below); MSAL's own warnings are noise.
        logLevel: LogLevel.Error,
        piiLoggingEnabled: false,
        loggerCallback: (_level, detail) => log.error('msal', { detail }),
      },
    },
  });
  return {
    async tokenFor(auth, operation) {
      const authority = `${config.authorityHost}/${auth.tenantId}`;
      try {
        const result =
          auth.kind === 'user'
            ? await msal.acquireTokenOnBehalfOf({
                oboAssertion: auth.assertion,
                scopes: [GRAPH_SCOPE],
                authority,
              })
            : await msal.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], authority });
        if (!result?.accessToken) throw new Error('the token endpoint answered no access token');
        return result.accessToken;
      } catch (error) {
        const mapped = tokenError(error, operation, auth);
        log.warn('graph token refused', {
          operation,
          auth: auth.kind,
          tenantId: auth.tenantId,
          code: mapped.code,
          cause: (mapped.details as { cause?: string } | undefined)?.cause,
        });
        throw mapped;
      }
    },
  };
}
