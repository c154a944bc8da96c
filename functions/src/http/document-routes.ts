import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import {
  DomainError,
  formatDate,
  getMinutesForExport,
  pickLocale,
  type Actor,
  type Meeting,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import { renderConclusionNoticeDocx } from '../documents/conclusion-notice-docx';
import { conclusionNoticeData, minutesDocumentData } from '../documents/minutes-from-domain';
import { renderMinutesDocx } from '../documents/minutes-docx';
import type { Services } from '../services';
import { authenticated, handleError } from './api-handler';
import { readJson } from './read-json';
import { ZMeetingParams } from './route-params';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LINK_LIFETIME_MS = 5 * 60_000;

type DocumentKind = 'minutes' | 'conclusionNotice';

const ZLinkInput = z.strictObject({ document: z.enum(['minutes', 'conclusionNotice']) });
const ZTicketParams = z.object({
  tenantId: z.string().uuid(),
  userId: z.string().uuid(),
  ticketId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a valid ticket'),
});

/**
 * The approved minutes (biên bản, Decree 30/2020 Form 1.9) and the conclusion notice as Word files,
 * downloaded with the bearer token, or through a one-time link valid 5 minutes for clients that can
 * only open a URL (Teams mobile opens downloads through its link API, without our token). The link
 * re-checks the requester's access when it is used.
 */
export function documentRoutes(services: Services): HttpRoute[] {
  const base = 'bodies/{bodyId}/meetings/{meetingId}/minutes';
  const direct = (document: DocumentKind) =>
    authenticated(services, async ({ actor, params }) => {
      const { bodyId, meetingId } = ZMeetingParams.parse(params);
      return renderDocument(services, actor, bodyId, meetingId, document);
    });
  const redeem: HttpHandler = async (request, context) => {
    const locale = pickLocale(request.headers.get('accept-language'));
    try {
      const { tenantId, userId, ticketId } = ZTicketParams.parse(request.params);
      const ticket = await services.downloads.redeem(
        tenantId,
        userId,
        ticketId,
        services.deps.clock.now(),
      );
      if (!ticket || ticket.document === 'review') throw new DomainError('DOWNLOAD.NOT_FOUND');
      const actor: Actor = { tenantId, userId, displayName: ticket.displayName };
      return await renderDocument(
        services,
        actor,
        ticket.bodyId,
        ticket.meetingId,
        ticket.document,
      );
    } catch (error) {
      return handleError(services, context, error, locale);
    }
  };
  return [
    {
      name: 'minutesDocx',
      methods: ['GET'],
      route: `${base}/document`,
      handler: direct('minutes'),
    },
    {
      name: 'conclusionNoticeDocx',
      methods: ['GET'],
      route: `${base}/conclusion-notice`,
      handler: direct('conclusionNotice'),
    },
    {
      name: 'documentLink',
      methods: ['POST'],
      route: `${base}/download-links`,
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        const { document } = ZLinkInput.parse(await readJson(request));
        // Refuse now (not approved, no access) rather than hand out a link that will fail.
        await getMinutesForExport(services.deps, actor, bodyId, meetingId);
        const expiresAt = new Date(services.deps.clock.now().getTime() + LINK_LIFETIME_MS);
        const ticketId = await services.downloads.issue({
          tenantId: actor.tenantId,
          userId: actor.userId,
          displayName: actor.displayName,
          bodyId,
          meetingId,
          document,
          expiresAt: expiresAt.toISOString(),
        });
        const origin = new URL(request.url).origin;
        return {
          status: 201,
          jsonBody: {
            url: `${origin}/api/downloads/${actor.tenantId}/${actor.userId}/${ticketId}`,
            expiresAt: expiresAt.toISOString(),
          },
        };
      }),
    },
    {
      name: 'redeemDownload',
      methods: ['GET'],
      route: 'downloads/{tenantId}/{userId}/{ticketId}',
      handler: redeem,
    },
  ];
}

async function renderDocument(
  services: Services,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  document: DocumentKind,
): Promise<HttpResponseInit> {
  const source = await getMinutesForExport(services.deps, actor, bodyId, meetingId);
  const bytes =
    document === 'minutes'
      ? await renderMinutesDocx(minutesDocumentData(source))
      : await renderConclusionNoticeDocx(conclusionNoticeData(source));
  const name = fileName(document === 'minutes' ? 'bien-ban' : 'thong-bao-ket-luan', source.meeting);
  return {
    body: bytes,
    headers: {
      'content-type': DOCX,
      'cache-control': 'no-store',
      // ASCII fallback plus the RFC 5987 form, so every client gets a sensible name.
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  };
}

function fileName(prefix: string, meeting: Meeting): string {
  const date = formatDate(meeting.startsAt).split('/').reverse().join('-');
  return `${prefix}-${date}-v${meeting.minutes.edition}.docx`;
}
