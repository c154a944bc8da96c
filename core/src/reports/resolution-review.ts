import { fromDayNumber, parseCivilDate, toDayNumber, civilDateToIso } from '../calendar/civil-date';
import { deadlineEndUtc } from '../calendar/deadline';
import { toVietnamDate, vietnamMidnightUtc } from '../calendar/vietnam-time';
import type { Meeting, MeetingKind, MeetingStatus } from '../meetings/meeting';
import type { ReviewPeriod } from './review-period';

/**
 * Law 10/2022 Art. 52(3): the head of the body and the trade union review the implementation of the
 * staff conference's resolution every six months. The other half-yearly review is the next yearly
 * conference (Art. 51 check), so one review is looked for per conference: in the half-year after it.
 *
 * There is no meeting kind of its own for this review, so it is recognised from stored facts as the
 * first meeting the staff-conference body held after its conference in the same calendar year
 * (any kind but a Front consultation or a citizen dialogue, which are about something else): such a
 * body meets for its conference and to review its resolution. Documented in docs/reports.md.
 */
export interface ResolutionReviewCheck {
  /** The year the conference was held in (it covers work year `conferenceYear - 1`). */
  conferenceYear: number;
  /** yyyy-MM-dd: the last day the review is due (see `resolutionReviewDueBy`). */
  dueBy: string;
  status: 'onTime' | 'late' | 'notHeld' | 'notYetDue' | 'noConference';
  /** The conference the review follows, when it was held by the cut-off. */
  conferenceMeetingId?: string | undefined;
  conferenceHeldOn?: string | undefined;
  /** The review meeting (empty when none). */
  meetingIds: string[];
  heldOn?: string | undefined;
}

const HELD: readonly MeetingStatus[] = ['ended', 'minutesInReview', 'minutesApproved', 'archived'];
const NOT_A_REVIEW: readonly MeetingKind[] = ['frontConsultation', 'citizenDialogue'];

/**
 * 30 September of the conference year (six months after the latest lawful conference day, the same
 * date the reporting reminders use), or six months after a conference held later than 31 March.
 */
export function resolutionReviewDueBy(conferenceYear: number, conferenceDay?: string): string {
  const fixed = `${String(conferenceYear).padStart(4, '0')}-09-30`;
  if (!conferenceDay) return fixed;
  const sixMonthsOn = addMonths(conferenceDay, 6);
  return sixMonthsOn > fixed ? sixMonthsOn : fixed;
}

/** One check per calendar year the period touches, each as of the cut-off `asOf`. */
export function resolutionReviewChecks(
  meetings: readonly Meeting[],
  period: ReviewPeriod,
  asOf: Date,
): ResolutionReviewCheck[] {
  const held = meetings
    .filter((m) => HELD.includes(m.status) && Date.parse(m.startsAt) < asOf.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const checks: ResolutionReviewCheck[] = [];
  for (let year = first; year <= last; year += 1) {
    const opens = vietnamMidnightUtc({ year, month: 1, day: 1 }).getTime();
    const closes = vietnamMidnightUtc({ year: year + 1, month: 1, day: 1 }).getTime();
    const inYear = held.filter((m) => {
      const at = Date.parse(m.startsAt);
      return at >= opens && at < closes;
    });
    const conference = inYear.find((m) => m.kind === 'staffConference');
    if (!conference) {
      checks.push({
        conferenceYear: year,
        dueBy: resolutionReviewDueBy(year),
        status: 'noConference',
        meetingIds: [],
      });
      continue;
    }
    const conferenceDay = civilDateToIso(toVietnamDate(new Date(conference.startsAt)));
    const dueBy = resolutionReviewDueBy(year, conferenceDay);
    const due = deadlineEndUtc(parseCivilDate(dueBy)).getTime();
    const review = inYear.find(
      (m) =>
        m.id !== conference.id &&
        m.startsAt > conference.startsAt &&
        !NOT_A_REVIEW.includes(m.kind) &&
        // A review held before the conference's resolution is a day old reviews nothing.
        civilDateToIso(toVietnamDate(new Date(m.startsAt))) > conferenceDay,
    );
    const base = {
      conferenceYear: year,
      dueBy,
      conferenceMeetingId: conference.id,
      conferenceHeldOn: conference.startsAt,
    };
    if (!review) {
      checks.push({
        ...base,
        status: asOf.getTime() < due ? 'notYetDue' : 'notHeld',
        meetingIds: [],
      });
      continue;
    }
    checks.push({
      ...base,
      // 23:59:59 on the due day is on time; 00:00 the next day is late (as for assignments).
      status: Date.parse(review.startsAt) < due ? 'onTime' : 'late',
      meetingIds: [review.id],
      heldOn: review.startsAt,
    });
  }
  return checks;
}

/** yyyy-MM-dd plus whole months, the day clamped to the month's end (31 Aug + 6 → 28/29 Feb). */
function addMonths(iso: string, months: number): string {
  const date = parseCivilDate(iso);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const nextMonthStart = toDayNumber(
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 },
  );
  const lastDay = fromDayNumber(nextMonthStart - 1).day;
  return civilDateToIso({ year, month, day: Math.min(date.day, lastDay) });
}
