import type { BodyReview } from './review-figures';

/**
 * The review with counts only: every figure's `ids` emptied and the row lists dropped. A panel that
 * shows numbers (the dashboard's "this year so far") then reads a few kilobytes instead of the ids
 * and rows of a year's records (hundreds of kilobytes for a busy body); the records behind a number
 * stay one full review away.
 */
export function reviewCountsOnly(review: BodyReview): BodyReview {
  return {
    ...review,
    figures: withoutIds(review.figures),
    meetingRows: [],
    assignmentRows: [],
    overdue: [],
  };
}

function withoutIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutIds) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) =>
    key === 'ids' && Array.isArray(inner) ? [key, []] : [key, withoutIds(inner)],
  );
  return Object.fromEntries(entries) as T;
}
