import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { DomainError, pickLocale, type Actor } from '@qcdc/core';
import { z } from 'zod';
import type { Services } from '../services';
import type { DownloadTarget, DownloadTicket } from '../store/download-ticket-store';
import { handleError } from './api-handler';

/**
 * One-time download links, shared by the minutes and the reviews: Teams' mobile apps open a
 * download through their link API and cannot send our token, so a signed-in request asks for a link
 * valid a few minutes, and the link is redeemed once with the requester's access checked again.
 */
export const LINK_LIFETIME_MS = 5 * 60_000;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ZTicketParams = z.object({
  tenantId: z.string().uuid(),
  userId: z.string().uuid(),
  ticketId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a valid ticket'),
});

/** Issues a ticket for `target` and answers 201 `{ url, expiresAt }` under `/api/<prefix>/…`. */
export async function issueDownloadLink(
  services: Services,
  actor: Actor,
  bodyId: string,
  target: DownloadTarget,
  requestUrl: string,
  prefix: string,
): Promise<HttpResponseInit> {
  const expiresAt = new Date(services.deps.clock.now().getTime() + LINK_LIFETIME_MS).toISOString();
  const ticketId = await services.downloads.issue({
    tenantId: actor.tenantId,
    userId: actor.userId,
    displayName: actor.displayName,
    bodyId,
    expiresAt,
    ...target,
  });
  const origin = new URL(requestUrl).origin;
  return {
    status: 201,
    jsonBody: {
      url: `${origin}/api/${prefix}/${actor.tenantId}/${actor.userId}/${ticketId}`,
      expiresAt,
    },
  };
}

/**
 * The redeem handler: no bearer token (the ticket is the credential), used once, 404
 * `DOWNLOAD.NOT_FOUND` for an unknown, used, expired or other kind of ticket.
 */
export function redeemHandler<K extends DownloadTicket['document']>(
  services: Services,
  kinds: readonly K[],
  render: (
    ticket: Extract<DownloadTicket, { document: K }>,
    actor: Actor,
  ) => Promise<HttpResponseInit>,
): HttpHandler {
  return async (request, context) => {
    const locale = pickLocale(request.headers.get('accept-language'));
    try {
      const { tenantId, userId, ticketId } = ZTicketParams.parse(request.params);
      const ticket = await services.downloads.redeem(
        tenantId,
        userId,
        ticketId,
        services.deps.clock.now(),
      );
      if (!ticket || !(kinds as readonly string[]).includes(ticket.document)) {
        throw new DomainError('DOWNLOAD.NOT_FOUND');
      }
      const actor: Actor = { tenantId, userId, displayName: ticket.displayName };
      return await render(ticket as Extract<DownloadTicket, { document: K }>, actor);
    } catch (error) {
      return handleError(services, context, error, locale);
    }
  };
}

/** A file answer, never cached, named in ASCII and in the RFC 5987 form for every client. */
export function fileResponse(bytes: Buffer, contentType: string, name: string): HttpResponseInit {
  return {
    status: 200,
    body: bytes,
    headers: {
      'content-type': contentType,
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  };
}
