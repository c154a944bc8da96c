import type { HttpResponseInit } from '@azure/functions';
import { formatDate, getMinutesForExport, type Actor, type Meeting } from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import { renderConclusionNoticeDocx } from '../documents/conclusion-notice-docx';
import { conclusionNoticeData, minutesDocumentData } from '../documents/minutes-from-domain';
import { renderMinutesDocx } from '../documents/minutes-docx';
import type { Services } from '../services';
import { authenticated } from './api-handler';
import { DOCX, fileResponse, issueDownloadLink, redeemHandler } from './download-links';
import { readJson } from './read-json';
import { ZMeetingParams } from './route-params';

type DocumentKind = 'minutes' | 'conclusionNotice';

const ZLinkInput = z.strictObject({ document: z.enum(['minutes', 'conclusionNotice']) });

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
  const redeem = redeemHandler(services, ['minutes', 'conclusionNotice'], (ticket, actor) =>
    renderDocument(services, actor, ticket.bodyId, ticket.meetingId, ticket.document),
  );
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
        return issueDownloadLink(
          services,
          actor,
          bodyId,
          { document, meetingId },
          request.url,
          'downloads',
        );
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
  return fileResponse(bytes, DOCX, name);
}

function fileName(prefix: string, meeting: Meeting): string {
  const date = formatDate(meeting.startsAt).split('/').reverse().join('-');
  return `${prefix}-${date}-v${meeting.minutes.edition}.docx`;
}
