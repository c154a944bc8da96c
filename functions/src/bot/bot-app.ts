import { App, type IActivityContext } from '@microsoft/teams.apps';
import type { Activity, AdaptiveCardActionResponse } from '@microsoft/teams.api';
import {
  cardText,
  COMMAND_VERB,
  matchCommand,
  welcomeCard,
  type AdaptiveCard,
  type CardLinks,
} from '@qcdc/cards';
import { errorMessage, isDomainError, secureRandom, type Locale } from '@qcdc/core';
import { voteRepositoryFor } from '../store/vote-repository-for';
import { minutesDecidedQuietly } from '../notify/minutes-card-publisher';
import { voteCardPublisherFor } from '../notify/vote-card-publisher';
import type { Services } from '../services';
import { actorOf, conversationTypeOf, localeOf, referenceOf } from './activity-facts';
import type { BotServices } from './bot-config';
import { answerCommand, commandFromData, commandOf, type CommandRequest } from './bot-replies';
import type { CapturingHttpAdapter } from './capturing-adapter';
import { answerMinutesAction, isMinutesVerb, type MinutesActionResponse } from './minutes-approval';
import { sdkLogger } from './sdk-logger';
import { answerVoteAction, isVoteVerb, type VoteActionContext } from './vote-card-actions';

type Context = IActivityContext<Activity>;

/**
 * The Teams SDK App with our activity handlers. It never listens itself: its routes are captured by
 * the adapter and called from the Functions handler (bot-handler.ts).
 */
export function createBotApp(
  services: Services,
  bot: BotServices,
  adapter: CapturingHttpAdapter,
): App {
  const { config, conversations } = bot;
  const anonymous = config.auth === 'anonymous-local';
  const links: CardLinks = { openAppUrl: config.openAppUrl };
  // Every credential is passed explicitly ('' when absent) so the SDK never falls back to
  // CLIENT_ID & co. in process.env behind the configuration's back.
  const clientId = anonymous ? '' : (config.clientId ?? '');
  const app = new App({
    clientId,
    clientSecret: anonymous ? '' : (config.clientSecret ?? ''),
    tenantId: anonymous ? '' : (config.tenantId ?? ''),
    managedIdentityClientId: anonymous ? undefined : (config.managedIdentityClientId ?? clientId),
    token: anonymous ? undefined : config.token,
    ...(config.cloud ? { cloud: config.cloud } : {}),
    httpServerAdapter: adapter,
    logger: sdkLogger(services.log),
    dangerouslyAllowUnauthenticatedRequests: anonymous,
    activity: { mentions: { stripText: true } },
  });
  if (!anonymous && !clientId) {
    services.log.warn('bot has no CLIENT_ID: every /api/messages request will be refused');
  }

  const votes = voteRepositoryFor(services);
  const voteContext: VoteActionContext = {
    deps: { ...services.deps, votes, random: secureRandom },
    publisher: voteCardPublisherFor(services),
    links,
    log: services.log,
  };

  const sendCard = (ctx: Context, card: AdaptiveCard) =>
    ctx.send({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });

  /** Stores the conversation reference; the welcome goes only the first time (Teams may send both
   * installationUpdate and conversationUpdate for one install, and retries). */
  const installed = async (ctx: Context) => {
    const reference = referenceOf(ctx.activity, services.deps.clock.now());
    if (!reference) {
      services.log.warn('install activity without tenant, service URL or conversation', {
        type: ctx.activity.type,
      });
      return;
    }
    const outcome = await conversations.saveInstalled(reference);
    if (outcome === 'created') await sendCard(ctx, welcomeCard(reference.locale, links));
  };

  const uninstalled = async (ctx: Context) => {
    const reference = referenceOf(ctx.activity, services.deps.clock.now());
    if (reference) await conversations.remove(reference);
  };

  /**
   * Keeps the stored reference current (service URL, locale); a failure here never blocks a reply.
   * In a personal chat, a command typed in one of our languages wins over the client's locale: the
   * person's reminders then speak the language they speak to the bot (a Vietnamese official on an
   * English-language client, or the Agents Playground, which always says en-US).
   */
  const remember = async (ctx: Context, spoken?: Locale) => {
    const reference = referenceOf(ctx.activity, services.deps.clock.now());
    if (!reference) return;
    if (spoken && reference.conversationType === 'personal') reference.locale = spoken;
    try {
      await conversations.refresh(reference);
    } catch (error) {
      services.log.warn('could not refresh the conversation reference', { error: String(error) });
    }
  };

  const answer = async (ctx: Context, request: CommandRequest) => {
    try {
      await sendCard(
        ctx,
        await answerCommand(
          { ...services.deps, votes },
          actorOf(ctx.activity),
          request,
          links,
          conversationTypeOf(ctx.activity),
        ),
      );
    } catch (error) {
      services.log.error('bot command failed', {
        command: request.command,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      await ctx.send(failureText(request.locale, error));
    }
  };

  app.on('install.add', async (ctx) => {
    await installed(ctx);
  });
  app.on('install.remove', async (ctx) => {
    await uninstalled(ctx);
  });
  app.on('conversationUpdate', async (ctx) => {
    const botId = ctx.activity.recipient.id;
    if (ctx.activity.membersAdded?.some((member) => member.id === botId)) await installed(ctx);
    else if (ctx.activity.membersRemoved?.some((member) => member.id === botId))
      await uninstalled(ctx);
  });
  /** A card's action (minutes approval, vote); an unexpected failure is a card-level 500, never a hang. */
  const cardAction = async (
    ctx: Context,
    verb: Parameters<typeof answerMinutesAction>[3] | Parameters<typeof answerVoteAction>[3],
    data: unknown,
  ): Promise<MinutesActionResponse> => {
    const locale = localeOf(ctx.activity);
    const actor = actorOf(ctx.activity);
    try {
      return isVoteVerb(verb)
        ? await answerVoteAction(voteContext, actor, locale, verb, data)
        : await answerMinutesAction(services.deps, actor, locale, verb, data, links, (meeting) =>
            minutesDecidedQuietly(services, meeting),
          );
    } catch (error) {
      services.log.error('card action failed', {
        verb,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return {
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'INTERNAL',
          message: errorMessage(locale, 'INTERNAL'),
          innerHttpError: { statusCode: 500, body: null },
        },
      };
    }
  };

  app.on('message', async (ctx) => {
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    if (
      value &&
      typeof value === 'object' &&
      (isMinutesVerb(value.verb) || isVoteVerb(value.verb))
    ) {
      // The Action.Submit fallback (clients without Universal Actions): answer in the chat.
      const response = await cardAction(ctx, value.verb, value);
      await (response.type === 'application/vnd.microsoft.card.adaptive'
        ? sendCard(ctx, response.value as unknown as AdaptiveCard)
        : ctx.send(
            response.type === 'application/vnd.microsoft.error' ? response.value.message : '',
          ));
      return;
    }
    const request = commandOf(ctx.activity.text, ctx.activity.value, localeOf(ctx.activity));
    const typed = matchCommand(ctx.activity.text ?? '');
    await Promise.all([remember(ctx, typed?.locale), answer(ctx, request)]);
  });
  app.on('card.action', async (ctx): Promise<AdaptiveCardActionResponse> => {
    const { verb, data } = ctx.activity.value.action;
    if (isMinutesVerb(verb) || isVoteVerb(verb)) return cardAction(ctx, verb, data);
    const fromCard = commandFromData(data, verb);
    const locale = fromCard?.locale ?? localeOf(ctx.activity);
    if (!fromCard) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'BadRequest',
          message: `Unknown action ${String(verb)} (expected ${COMMAND_VERB})`,
          innerHttpError: { statusCode: 400, body: null },
        },
      };
    }
    await answer(ctx, { command: fromCard.command, locale });
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: cardText(locale, 'action.done'),
    };
  });
  return app;
}

/** A plain message when a command could not be answered (storage down, a bug). */
function failureText(locale: Locale, error: unknown): string {
  return isDomainError(error)
    ? errorMessage(locale, error.code, error.params)
    : errorMessage(locale, 'INTERNAL');
}
