import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import {
  assertCan,
  buildBodyReport,
  getBodyWithMembers,
  parseReviewPeriod,
  reviewCountsOnly,
  type Actor,
  type BodyReview,
  type ReviewPeriod,
  type VoteRepository,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import { renderReviewReportDocx } from '../reports/review-report-docx';
import { renderReviewReportXlsx } from '../reports/review-report-xlsx';
import type { Services } from '../services';
import { authenticated } from './api-handler';
import { DOCX, fileResponse, issueDownloadLink, redeemHandler, XLSX } from './download-links';
import { readJson } from './read-json';
import { ZBodyParams } from './route-params';
import { voteRepositoryFor } from './vote-routes';

const QUERY_KEYS = ['from', 'to', 'preset', 'year'] as const;

type ReviewFormat = 'docx' | 'xlsx';

/** `?view=counts`: the figures' counts without the ids and rows behind them (dashboard panels). */
const ZReviewView = z.object({ view: z.enum(['full', 'counts']).default('full') });

/** The period as the review route takes it (from/to or preset/year), plus the file format. */
const ZReviewLinkInput = z.strictObject({
  format: z.enum(['docx', 'xlsx']),
  from: z.string().optional(),
  to: z.string().optional(),
  preset: z.string().optional(),
  year: z.string().optional(),
});

/**
 * Half-year and year-end reviews (sơ kết, tổng kết) of a body, written from its data (docs/reports.md):
 * `GET bodies/{bodyId}/reports/review?from=yyyy-MM-dd&to=yyyy-MM-dd` (or `?preset=H1|H2|year&year=`)
 * answers the figures with the ids behind each (`&view=counts`: counts only); `review.docx` the BÁO CÁO (Decree 30/2020);
 * `review.xlsx` the workbook. Read-only: nothing is written but one-time download tickets:
 * `POST bodies/{bodyId}/reports/download-links` `{ format, from, to }` (or `preset`/`year`) answers a
 * link valid 5 minutes for clients that can only open a URL (Teams mobile opens downloads through
 * its link API, without our token); `GET reports/downloads/{tenantId}/{userId}/{ticketId}` redeems it
 * once and re-checks the requester's access then.
 */
export function reportRoutes(services: Services): HttpRoute[] {
  const base = 'bodies/{bodyId}/reports';
  const review = (render: (review: BodyReview) => Promise<HttpResponseInit>) =>
    authenticated(services, async ({ actor, params, request }) => {
      const { bodyId } = ZBodyParams.parse(params);
      return render(await loadReview(services, actor, bodyId, request));
    });
  return [
    {
      name: 'bodyReviewReport',
      methods: ['GET'],
      route: `${base}/review`,
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const { view } = ZReviewView.parse({ view: request.query.get('view') ?? undefined });
        const result = await loadReview(services, actor, bodyId, request);
        return {
          status: 200,
          jsonBody: { review: view === 'counts' ? reviewCountsOnly(result) : result },
        };
      }),
    },
    {
      name: 'bodyReviewReportDocx',
      methods: ['GET'],
      route: `${base}/review.docx`,
      handler: review((result) => render(result, 'docx')),
    },
    {
      name: 'bodyReviewReportXlsx',
      methods: ['GET'],
      route: `${base}/review.xlsx`,
      handler: review((result) => render(result, 'xlsx')),
    },
    {
      name: 'bodyReviewReportLink',
      methods: ['POST'],
      route: `${base}/download-links`,
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const { format, ...query } = ZReviewLinkInput.parse(await readJson(request));
        const period = parseReviewPeriod(query);
        // Refuse now (no access, bad period) rather than hand out a link that will fail.
        const { myRoles } = await getBodyWithMembers(services.deps, actor, bodyId);
        assertCan({ bodyRoles: myRoles, meetingRoles: [] }, 'report.read');
        return issueDownloadLink(
          services,
          actor,
          bodyId,
          { document: 'review', format, from: period.from, to: period.to },
          request.url,
          'reports/downloads',
        );
      }),
    },
    {
      name: 'redeemReviewDownload',
      methods: ['GET'],
      route: 'reports/downloads/{tenantId}/{userId}/{ticketId}',
      handler: redeemHandler(services, ['review'], async (ticket, actor) => {
        const period: ReviewPeriod = { from: ticket.from, to: ticket.to };
        const review = await buildBodyReport(
          { ...services.deps, votes: votesOf(services) },
          actor,
          ticket.bodyId,
          period,
        );
        return render(review, ticket.format);
      }),
    },
  ];
}

async function render(review: BodyReview, format: ReviewFormat): Promise<HttpResponseInit> {
  return format === 'docx'
    ? fileResponse(await renderReviewReportDocx(review), DOCX, fileName(review, 'docx'))
    : fileResponse(await renderReviewReportXlsx(review), XLSX, fileName(review, 'xlsx'));
}

async function loadReview(
  services: Services,
  actor: Actor,
  bodyId: string,
  request: HttpRequest,
): Promise<BodyReview> {
  const query: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const value = request.query.get(key);
    if (value !== null) query[key] = value;
  }
  const period = parseReviewPeriod(query);
  return buildBodyReport({ ...services.deps, votes: votesOf(services) }, actor, bodyId, period);
}

/** The vote store when the composition root has one; without it the review leaves votes out. */
function votesOf(services: Services): VoteRepository | undefined {
  try {
    return voteRepositoryFor(services);
  } catch {
    return undefined;
  }
}

function fileName(review: BodyReview, extension: string): string {
  const kind = review.scope.kind === 'year' ? 'tong-ket' : 'so-ket';
  return `bao-cao-${kind}-${review.period.from}-${review.period.to}.${extension}`;
}
