import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DomainError } from '../errors/domain-error';
import type { Meeting, MeetingStatus } from '../meetings/meeting';
import { templateFor, type MinutesSectionKind } from '../templates/process-templates';

/** The minutes' own state, kept on the meeting row so it changes atomically with the meeting. */
export interface MinutesState {
  /** 1 for the first minutes; each correction after approval opens the next edition. */
  edition: number;
  status: 'drafting' | 'inReview' | 'approved';
  /** SHA-256 of the approved content: what the chair signed. */
  approvedHash?: string | undefined;
  approvedAt?: string | undefined;
  approvedBy?: string | undefined;
  /** The chair's comment when returning, or the reason for a correction. */
  lastComment?: string | undefined;
}

export const INITIAL_MINUTES: MinutesState = { edition: 1, status: 'drafting' };

/** One section of the minutes, edited on its own so two people can write different sections. */
export interface MinutesSection {
  key: string;
  kind: MinutesSectionKind;
  agendaItemId?: string | undefined;
  text: string;
  /** Increments on every save; the client sends the version it edited. */
  version: number;
  edition: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export const MINUTES_LIMITS = { sectionTextMax: 20_000, commentMax: 1_000 } as const;

/** Minutes may be written before and during the meeting and after it until submitted. */
const MINUTES_EDITABLE: readonly MeetingStatus[] = ['scheduled', 'inProgress', 'ended'];

export function assertMinutesEditable(meeting: Meeting): void {
  if (!MINUTES_EDITABLE.includes(meeting.status)) {
    throw new DomainError('MINUTES.LOCKED', { status: meeting.status });
  }
}

/** The sections a meeting's minutes have: the template's, with one per agenda item. */
export interface MinutesSlot {
  key: string;
  kind: MinutesSectionKind;
  agendaItemId?: string | undefined;
}

export function minutesSectionKeys(meeting: Meeting): MinutesSlot[] {
  return templateFor(meeting.kind).minutesSections.flatMap((kind): MinutesSlot[] =>
    kind === 'agendaItem'
      ? meeting.agenda.map((item) => ({ key: `item-${item.id}`, kind, agendaItemId: item.id }))
      : [{ key: kind, kind }],
  );
}

export function sectionSlot(meeting: Meeting, key: string) {
  const slot = minutesSectionKeys(meeting).find((candidate) => candidate.key === key);
  if (!slot) throw new DomainError('MINUTES.UNKNOWN_SECTION', { section: key });
  return slot;
}

/** The hash the chair's approval seals: edition plus every section's key, version and text. */
export function hashMinutes(
  meetingId: string,
  edition: number,
  sections: readonly MinutesSection[],
): string {
  const content = [...sections]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((section) => [section.key, section.version, section.text]);
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify([meetingId, edition, content]))));
}
