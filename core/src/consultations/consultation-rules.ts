import { parseCivilDate } from '../calendar/civil-date';
import { isPastDeadline } from '../calendar/deadline';
import {
  RECOMMENDATION_STATUSES,
  type Recommendation,
  type RecommendationStatus,
} from './consultation';

export interface RecommendationLateness {
  /** Answered after the deadline, or still unanswered past it: what the Front side sees flagged. */
  late: boolean;
  /** true / false once answered; null while open. */
  onTime: boolean | null;
}

export function recommendationLateness(rec: Recommendation, now: Date): RecommendationLateness {
  if (rec.status === 'responded' && rec.respondedOn) {
    const onTime = rec.respondedOn <= rec.deadline;
    return { late: !onTime, onTime };
  }
  return { late: isPastDeadline(parseCivilDate(rec.deadline), now), onTime: null };
}

export interface RecommendationStats {
  total: number;
  responded: number;
  open: number;
  late: number;
  byStatus: Record<RecommendationStatus, number>;
}

export function recommendationStats(
  recs: readonly Recommendation[],
  now: Date,
): RecommendationStats {
  const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, 0])) as Record<
    RecommendationStatus,
    number
  >;
  let late = 0;
  for (const rec of recs) {
    byStatus[rec.status] += 1;
    if (recommendationLateness(rec, now).late) late += 1;
  }
  return {
    total: recs.length,
    responded: byStatus.responded,
    open: recs.length - byStatus.responded,
    late,
    byStatus,
  };
}
