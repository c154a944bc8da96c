import type { BodyReview, ReviewPreset } from '@qcdc/core';
import { ApiError, CLIENT_CODES } from './api-error';
import type { ApiClient } from './api-client';
import type { ApiErrorPayload, DownloadedFile } from './api-types';
import { fileNameFromDisposition } from './content-disposition';

/**
 * A body's half-year or year-end review as `GET bodies/{bodyId}/reports/review` answers it
 * (docs/reports.md). The figure groups may grow (Front, citizen cases, disclosures…) before this
 * type does, so `figures` also admits groups the tab does not know by name; the view renders those
 * generically.
 */
export type ReviewView = Omit<BodyReview, 'figures'> & {
  figures: BodyReview['figures'] & Record<string, unknown>;
} & Record<string, unknown>;

/** Which period: a preset of a year, or any range of Vietnam civil dates (yyyy-MM-dd, inclusive). */
export type ReviewQuery = { preset: ReviewPreset; year: number } | { from: string; to: string };

export type ReviewFormat = 'docx' | 'xlsx';

export interface ReportApi {
  /** `counts`: the figures' counts only, without the ids and rows behind them (a few kilobytes). */
  review(bodyId: string, query: ReviewQuery, view?: 'counts'): Promise<ReviewView>;
  /** A one-time link (valid minutes) to the BÁO CÁO or the workbook; needs no bearer token. */
  createDownloadLink(
    bodyId: string,
    format: ReviewFormat,
    query: ReviewQuery,
  ): Promise<{ url: string; expiresAt: string }>;
  /** Fetches a one-time link's file, for hosts that can save a Blob (browsers, Teams desktop/web). */
  fetchLink(url: string, format: ReviewFormat): Promise<DownloadedFile>;
}

const FALLBACK_NAMES: Record<ReviewFormat, string> = {
  docx: 'bao-cao.docx',
  xlsx: 'bao-cao.xlsx',
};

export function reviewQueryString(query: ReviewQuery): string {
  const params =
    'preset' in query
      ? new URLSearchParams({ preset: query.preset, year: String(query.year) })
      : new URLSearchParams({ from: query.from, to: query.to });
  return params.toString();
}

/** The review routes, over the session's API client (its token, language and error handling). */
export function reportApi(api: Pick<ApiClient, 'call'>): ReportApi {
  const base = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/reports`;
  return {
    review: async (bodyId, query, view) =>
      (
        await api.call<{ review: ReviewView }>(
          'GET',
          `${base(bodyId)}/review?${reviewQueryString(query)}${view ? `&view=${view}` : ''}`,
        )
      ).review,
    createDownloadLink: (bodyId, format, query) =>
      api.call<{ url: string; expiresAt: string }>('POST', `${base(bodyId)}/download-links`, {
        format,
        ...('preset' in query ? { preset: query.preset, year: String(query.year) } : query),
      }),
    fetchLink: async (url, format) => {
      // The ticket in the URL is the credential: no bearer token goes with it. Fetched by path, as
      // every other API call is, so it reaches the API the same way the tab's own requests do.
      const { pathname } = new URL(url, window.location.href);
      let response: Response;
      try {
        response = await fetch(pathname);
      } catch (cause) {
        throw new ApiError(0, { code: CLIENT_CODES.network, message: String(cause) });
      }
      if (!response.ok) {
        const payload = (await response.json().catch(() => undefined)) as
          { error?: ApiErrorPayload } | undefined;
        throw new ApiError(
          response.status,
          payload?.error ?? { code: CLIENT_CODES.unexpected, message: String(response.status) },
        );
      }
      const name = fileNameFromDisposition(
        response.headers.get('content-disposition'),
        FALLBACK_NAMES[format],
      );
      return { blob: await response.blob(), fileName: name };
    },
  };
}
