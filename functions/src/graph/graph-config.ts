import { z } from 'zod';

/**
 * Microsoft Graph access (functions/src/graph). One Entra app serves SSO, the bot and Graph; its
 * client id defaults to the API audience. `entra` talks to Entra ID and Graph; `standIn` points MSAL
 * and the Graph client at the local stand-in (functions/src/dev/graph-stand-in), dev mode only.
 */
export interface GraphConfig {
  mode: 'entra' | 'standIn';
  clientId: string;
  credential:
    | { kind: 'secret'; secret: string }
    | {
        kind: 'certificate';
        privateKey: string;
        thumbprintSha256: string;
        x5c?: string | undefined;
      };
  /** Where MSAL gets tokens: https://login.microsoftonline.com, or the stand-in's origin. */
  authorityHost: string;
  /**
   * Hosts MSAL trusts as authorities without asking Microsoft's instance discovery: the stand-in's
   * host:port locally (MSAL then reads its OpenID configuration from the stand-in itself).
   */
  knownAuthorities: string[];
  /** Graph's base URL (https://graph.microsoft.com), or the stand-in's. */
  baseUrl: string;
  /** The app's id in the organisation's Teams app catalog, for proactive installs. */
  appCatalogId?: string | undefined;
  /** Retries of throttled (429) and transient (503/504) answers, honouring Retry-After. */
  retry: { maxRetries: number; maxRetryAfterSeconds: number };
}

const ZGraphEnv = z
  .object({
    QCDC_GRAPH_MODE: z.enum(['entra', 'standIn']).optional(),
    QCDC_GRAPH_CLIENT_ID: z.string().min(1).optional(),
    QCDC_GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
    /** PEM private key of the app's certificate, and the certificate's SHA-256 thumbprint (hex). */
    QCDC_GRAPH_CERTIFICATE_KEY: z.string().min(1).optional(),
    QCDC_GRAPH_CERTIFICATE_THUMBPRINT: z
      .string()
      .regex(/^[0-9A-Fa-f]{64}$/)
      .optional(),
    /** The PEM certificate (chain), sent as x5c for subject-name/issuer authentication. */
    QCDC_GRAPH_CERTIFICATE_X5C: z.string().min(1).optional(),
    QCDC_GRAPH_AUTHORITY_HOST: z.url().optional(),
    QCDC_GRAPH_BASE_URL: z.url().optional(),
    QCDC_TEAMS_APP_CATALOG_ID: z.string().min(1).optional(),
    QCDC_GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(5),
    QCDC_GRAPH_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(180).default(30),
    QCDC_API_AUDIENCE: z.string().min(1).default('qcdc-local-api'),
    QCDC_DEV_AUTH: z.enum(['enabled', 'disabled']).default('disabled'),
  })
  .refine(
    (env) =>
      !env.QCDC_GRAPH_MODE ||
      Boolean(env.QCDC_GRAPH_CLIENT_SECRET) !==
        Boolean(env.QCDC_GRAPH_CERTIFICATE_KEY && env.QCDC_GRAPH_CERTIFICATE_THUMBPRINT),
    {
      message:
        'QCDC_GRAPH_MODE needs exactly one credential: QCDC_GRAPH_CLIENT_SECRET, or ' +
        'QCDC_GRAPH_CERTIFICATE_KEY with QCDC_GRAPH_CERTIFICATE_THUMBPRINT',
    },
  )
  .refine(
    (env) =>
      env.QCDC_GRAPH_MODE !== 'standIn' ||
      (env.QCDC_DEV_AUTH === 'enabled' && env.QCDC_GRAPH_AUTHORITY_HOST && env.QCDC_GRAPH_BASE_URL),
    {
      message:
        'QCDC_GRAPH_MODE=standIn is for local runs: it needs QCDC_DEV_AUTH=enabled, ' +
        'QCDC_GRAPH_AUTHORITY_HOST and QCDC_GRAPH_BASE_URL',
    },
  );

/** The `graph` section of the configuration; undefined when Graph is not configured at all. */
export function loadGraphConfig(env: Record<string, string | undefined>): GraphConfig | undefined {
  const parsed = ZGraphEnv.parse(env);
  if (!parsed.QCDC_GRAPH_MODE) return undefined;
  const authorityHost = (
    parsed.QCDC_GRAPH_AUTHORITY_HOST ?? 'https://login.microsoftonline.com'
  ).replace(/\/$/, '');
  return {
    mode: parsed.QCDC_GRAPH_MODE,
    clientId: parsed.QCDC_GRAPH_CLIENT_ID ?? parsed.QCDC_API_AUDIENCE,
    credential: parsed.QCDC_GRAPH_CLIENT_SECRET
      ? { kind: 'secret', secret: parsed.QCDC_GRAPH_CLIENT_SECRET }
      : {
          kind: 'certificate',
          privateKey: parsed.QCDC_GRAPH_CERTIFICATE_KEY!,
          thumbprintSha256: parsed.QCDC_GRAPH_CERTIFICATE_THUMBPRINT!,
          x5c: parsed.QCDC_GRAPH_CERTIFICATE_X5C,
        },
    authorityHost,
    knownAuthorities: parsed.QCDC_GRAPH_MODE === 'standIn' ? [new URL(authorityHost).host] : [],
    baseUrl: (parsed.QCDC_GRAPH_BASE_URL ?? 'https://graph.microsoft.com').replace(/\/$/, ''),
    appCatalogId: parsed.QCDC_TEAMS_APP_CATALOG_ID,
    retry: {
      maxRetries: parsed.QCDC_GRAPH_MAX_RETRIES,
      maxRetryAfterSeconds: parsed.QCDC_GRAPH_MAX_RETRY_AFTER_SECONDS,
    },
  };
}
