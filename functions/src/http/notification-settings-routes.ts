import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { NOTIFICATION_CHANNELS } from '../store/notification-settings-store';
import { authenticated } from './api-handler';
import { readJson } from './read-json';

const ZNotificationSettings = z.object({ channel: z.enum(NOTIFICATION_CHANNELS) }).strict();

/**
 * `GET/PUT /api/me/notification-settings`: where the caller's reminders and approval requests go
 * (`chat`, the default; `activityFeed`; or `both`). A personal preference of the caller only, so it
 * is not written to an audit chain. `activityFeedAvailable` says whether this deployment has Graph:
 * without it the activity feed falls back to chat.
 */
export function notificationSettingsRoutes(services: Services): HttpRoute[] {
  const store = services.notificationSettings;
  const answer = (settings: { channel: string; updatedAt: string }) => ({
    jsonBody: {
      settings,
      channels: NOTIFICATION_CHANNELS,
      activityFeedAvailable: services.graph !== undefined,
    },
  });
  return [
    {
      name: 'getNotificationSettings',
      methods: ['GET'],
      route: 'me/notification-settings',
      handler: authenticated(services, async ({ actor }) =>
        answer(await store.get(actor.tenantId, actor.userId)),
      ),
    },
    {
      name: 'putNotificationSettings',
      methods: ['PUT'],
      route: 'me/notification-settings',
      handler: authenticated(services, async ({ actor, request }) => {
        const input = ZNotificationSettings.parse(await readJson(request));
        return answer(
          await store.put(actor.tenantId, actor.userId, input, services.deps.clock.now()),
        );
      }),
    },
  ];
}
