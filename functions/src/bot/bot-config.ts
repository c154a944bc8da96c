import type { CloudEnvironment } from '@microsoft/teams.api';
import type { ConversationRepository } from '../store/conversation-store';

/**
 * How the bot authenticates. `entra` (production): the Teams SDK validates every inbound Bot
 * Framework JWT and gets outbound tokens as the bot's identity (CLIENT_ID with CLIENT_SECRET, or the
 * managed identity named by CLIENT_ID / MANAGED_IDENTITY_CLIENT_ID). Without a CLIENT_ID it refuses
 * every request. `anonymous-local` accepts unauthenticated activities (the Agents Playground, tests)
 * and is allowed only together with QCDC_DEV_AUTH=enabled (config.ts).
 */
export interface BotConfig {
  auth: 'entra' | 'anonymous-local';
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  tenantId?: string | undefined;
  managedIdentityClientId?: string | undefined;
  /** Where the cards' "Open the app" button goes (the personal tab's Teams deep link). */
  openAppUrl?: string | undefined;
  /**
   * Other endpoints for login, the token issuer and its keys (a sovereign cloud; in tests, local
   * stand-ins). Defaults to the public cloud.
   */
  cloud?: CloudEnvironment | undefined;
  /** Gets outbound bot tokens instead of MSAL (e.g. @azure/identity; in tests, a stand-in). */
  token?: ((scope: string | string[], tenantId?: string) => Promise<string>) | undefined;
}

/** What the composition root hands the bot: its settings and where conversation references live. */
export interface BotServices {
  config: BotConfig;
  conversations: ConversationRepository;
}
