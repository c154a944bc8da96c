import { z } from 'zod';
import { loadGraphConfig, type GraphConfig } from './graph/graph-config';
import type { BotConfig } from './bot/bot-config';

/**
 * Configuration, parsed once from the environment at start-up (fail fast on anything missing).
 * Production uses Entra ID; the dev issuer runs only when QCDC_AUTH_MODE=dev AND QCDC_DEV_AUTH=enabled.
 */
const ZEnv = z
  .object({
    QCDC_STORAGE_CONNECTION: z.string().min(1).optional(),
    /** Production: the table endpoint, reached with the Function App's managed identity. */
    QCDC_STORAGE_ACCOUNT_URL: z.url().optional(),
    QCDC_AUTH_MODE: z.enum(['entra', 'dev']).default('entra'),
    QCDC_DEV_AUTH: z.enum(['enabled', 'disabled']).default('disabled'),
    /** Base URL of the dev issuer (the local host), e.g. http://localhost:7071. */
    QCDC_DEV_ISSUER_URL: z.url().optional(),
    /** The API's Entra app (client) id: the `aud` of v2 tokens. */
    QCDC_API_AUDIENCE: z.string().min(1).default('qcdc-local-api'),
    /** Comma-separated tenant ids allowed to call the API, or * for any tenant that installs the app. */
    QCDC_ALLOWED_TENANTS: z.string().min(1).default('*'),
    /** The bot: `entra` validates Bot Framework tokens; `anonymous-local` (dev only) accepts any. */
    QCDC_BOT_AUTH: z.enum(['entra', 'anonymous-local']).default('entra'),
    /** The bot's identity, under the names the Teams SDK uses (secret, or managed identity without). */
    CLIENT_ID: z.string().min(1).optional(),
    CLIENT_SECRET: z.string().min(1).optional(),
    TENANT_ID: z.string().min(1).optional(),
    MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
    /** Where the bot cards' "Open the app" button goes (the personal tab's Teams deep link). */
    QCDC_BOT_OPEN_APP_URL: z.url().optional(),
  })
  .refine((env) => env.QCDC_AUTH_MODE !== 'dev' || env.QCDC_DEV_AUTH === 'enabled', {
    message:
      'QCDC_AUTH_MODE=dev needs QCDC_DEV_AUTH=enabled as well (dev auth is never on by accident)',
  })
  .refine((env) => env.QCDC_BOT_AUTH !== 'anonymous-local' || env.QCDC_DEV_AUTH === 'enabled', {
    message: 'QCDC_BOT_AUTH=anonymous-local needs QCDC_DEV_AUTH=enabled (never on by accident)',
  })
  .refine((env) => env.QCDC_AUTH_MODE !== 'dev' || env.QCDC_DEV_ISSUER_URL, {
    message: 'QCDC_AUTH_MODE=dev needs QCDC_DEV_ISSUER_URL',
  })
  .refine((env) => Boolean(env.QCDC_STORAGE_CONNECTION) !== Boolean(env.QCDC_STORAGE_ACCOUNT_URL), {
    message:
      'Set exactly one of QCDC_STORAGE_ACCOUNT_URL (managed identity) or QCDC_STORAGE_CONNECTION',
  });

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'managedIdentity'; accountUrl: string };

export interface AppConfig {
  storage: StorageConfig;
  auth:
    | { mode: 'entra'; audience: string; allowedTenants: string[] | '*' }
    | { mode: 'dev'; issuerBaseUrl: string; audience: string; allowedTenants: string[] | '*' };
  bot: BotConfig;
  /** Microsoft Graph (functions/src/graph/graph-config.ts); undefined when not configured. */
  graph?: GraphConfig | undefined;
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ZEnv.parse(env);
  const allowedTenants =
    parsed.QCDC_ALLOWED_TENANTS === '*'
      ? '*'
      : parsed.QCDC_ALLOWED_TENANTS.split(',').map((tenant) => tenant.trim());
  return {
    storage: parsed.QCDC_STORAGE_ACCOUNT_URL
      ? { kind: 'managedIdentity', accountUrl: parsed.QCDC_STORAGE_ACCOUNT_URL }
      : { kind: 'connectionString', connectionString: parsed.QCDC_STORAGE_CONNECTION! },
    graph: loadGraphConfig(env),
    auth:
      parsed.QCDC_AUTH_MODE === 'dev'
        ? {
            mode: 'dev',
            issuerBaseUrl: parsed.QCDC_DEV_ISSUER_URL!,
            audience: parsed.QCDC_API_AUDIENCE,
            allowedTenants,
          }
        : { mode: 'entra', audience: parsed.QCDC_API_AUDIENCE, allowedTenants },
    bot: {
      auth: parsed.QCDC_BOT_AUTH,
      clientId: parsed.CLIENT_ID,
      clientSecret: parsed.CLIENT_SECRET,
      tenantId: parsed.TENANT_ID,
      managedIdentityClientId: parsed.MANAGED_IDENTITY_CLIENT_ID,
      openAppUrl: parsed.QCDC_BOT_OPEN_APP_URL,
    },
  };
}
