import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { BotConfig } from '../bot/bot-config';

/** The scope of Bot Connector tokens (outbound: bot → Teams). */
export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

/** Bearer tokens for the Bot Connector; null means "send without" (the local Playground). */
export interface BotTokenProvider {
  getToken(): Promise<string | null>;
  /** Forget the cached token (after a 401). */
  invalidate(): void;
}

export const noBotToken: BotTokenProvider = {
  getToken: async () => null,
  invalidate: () => undefined,
};

/** Caches a credential's token until five minutes before it expires. */
export function credentialBotTokenProvider(credential: TokenCredential): BotTokenProvider {
  let cached: { token: string; expiresAt: number } | null = null;
  return {
    async getToken() {
      if (cached && cached.expiresAt - 300_000 > Date.now()) return cached.token;
      const token = await credential.getToken(BOT_CONNECTOR_SCOPE);
      if (!token) throw new Error('No Bot Connector token from the credential');
      cached = { token: token.token, expiresAt: token.expiresOnTimestamp };
      return token.token;
    },
    invalidate() {
      cached = null;
    },
  };
}

/**
 * The bot's own identity (bot-config.ts, as the Teams SDK uses it): an injected token function
 * first, then the client secret of the single-tenant app registration, then the managed identity.
 * The anonymous local mode sends without a token.
 */
export function botTokenProviderFor(config: BotConfig): BotTokenProvider {
  if (config.auth === 'anonymous-local') return noBotToken;
  const injected = config.token;
  if (injected) {
    return {
      getToken: () => injected(BOT_CONNECTOR_SCOPE, config.tenantId),
      invalidate: () => undefined,
    };
  }
  if (!config.clientId) return noBotToken;
  const credential: TokenCredential = config.clientSecret
    ? new ClientSecretCredential(
        config.tenantId ?? 'botframework.com',
        config.clientId,
        config.clientSecret,
      )
    : new ManagedIdentityCredential({
        clientId: config.managedIdentityClientId ?? config.clientId,
      });
  return credentialBotTokenProvider(credential);
}
