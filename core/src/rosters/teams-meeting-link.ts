/**
 * The Teams online meeting behind an app meeting: created from the app (Graph `createOrGet`, keyed by
 * the meeting id) or named by hand when importing attendance. Kept beside the meeting, not in it, so
 * the meeting row and its readers stay as they are.
 */
export interface TeamsMeetingLink {
  tenantId: string;
  bodyId: string;
  meetingId: string;
  /** Graph's onlineMeeting id. */
  onlineMeetingId: string;
  /** Entra object id of the Teams meeting's organizer (whose attendance reports Graph holds). */
  organizerId: string;
  joinWebUrl: string;
  linkedAt: string;
  linkedBy: string;
}

/** A small additive port: one row per meeting in the meeting's partition. */
export interface TeamsMeetingLinkRepository {
  getLink(tenantId: string, bodyId: string, meetingId: string): Promise<TeamsMeetingLink | null>;
  /** Idempotent (the same Teams meeting may be linked again). */
  saveLink(link: TeamsMeetingLink): Promise<void>;
}
