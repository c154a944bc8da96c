import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import {
  buildBodyReport,
  parseReviewPeriod,
  type Actor,
  type BodyReview,
  type VoteRepository,
} from '@qcdc/core';
import type { HttpRoute } from '../app';
import { renderReviewReportDocx } from '../reports/review-report-docx';
import { renderReviewReportXlsx } from '../reports/review-report-xlsx';
import type { Services } from '../services';
import { authenticated } from './api-handler';
import { ZBodyParams } from './route-params';
import { voteRepositoryFor } from './vote-routes';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const QUERY_KEYS = ['from', 'to', 'preset', 'year'] as const;

/**
 * Half-year and year-end reviews (sơ kết, tổng kết) of a body, written from its data (docs/reports.md):
 * `GET bodies/{bodyId}/reports/review?from=yyyy-MM-dd&to=yyyy-MM-dd` (or `?preset=H1|H2|year&year=`)
 * answers the figures with the ids behind each; `review.docx` the BÁO CÁO (Decree 30/2020);
 * `review.xlsx` the workbook. Read-only: nothing is written.
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
      handler: review(async (result) => ({ status: 200, jsonBody: { review: result } })),
    },
    {
      name: 'bodyReviewReportDocx',
      methods: ['GET'],
      route: `${base}/review.docx`,
      handler: review(async (result) =>
        file(await renderReviewReportDocx(result), DOCX, fileName(result, 'docx')),
      ),
    },
    {
      name: 'bodyReviewReportXlsx',
      methods: ['GET'],
      route: `${base}/review.xlsx`,
      handler: review(async (result) =>
        file(await renderReviewReportXlsx(result), XLSX, fileName(result, 'xlsx')),
      ),
    },
  ];
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

function file(bytes: Buffer, contentType: string, name: string): HttpResponseInit {
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
