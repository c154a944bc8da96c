import { assertCan, DomainError } from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import { authenticated } from '../http/api-handler';
import { ZBodyParams } from '../http/route-params';
import type { Services } from '../services';

const ZOutboxQuery = z.object({ status: z.enum(['parked']).default('parked') });

/**
 * `GET /api/bodies/{bodyId}/outbox?status=parked`: the body's messages that could not be delivered
 * (no conversation with the bot, refused, or failing on), with reason, attempts and last error, so
 * nothing is lost silently. For those who may read the body's audit trail (head, deputy, secretary).
 */
export function outboxRoutes(services: Services): HttpRoute[] {
  return [
    {
      name: 'listOutbox',
      methods: ['GET'],
      route: 'bodies/{bodyId}/outbox',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const { status } = ZOutboxQuery.parse({ status: request.query.get('status') ?? undefined });
        const [body, member] = await Promise.all([
          services.deps.bodies.getBody(actor.tenantId, bodyId),
          services.deps.bodies.getMember(actor.tenantId, bodyId, actor.userId),
        ]);
        if (!body) throw new DomainError('BODY.NOT_FOUND');
        assertCan({ bodyRoles: member?.roles ?? [], meetingRoles: [] }, 'audit.read');
        const parked = services.reminders
          ? await services.reminders.outbox.listParked(actor.tenantId, bodyId)
          : [];
        return {
          jsonBody: {
            status,
            messages: parked
              .sort((a, b) => b.parkedAt.localeCompare(a.parkedAt))
              .map((message) => ({
                key: message.key,
                kind: message.message.kind,
                recipientId: message.recipientId,
                subject: message.subject,
                dueAt: message.dueAt,
                status: message.status,
                reason: message.reason,
                attempts: message.attempts,
                lastError: message.lastError,
                parkedAt: message.parkedAt,
              })),
          },
        };
      }),
    },
  ];
}
