import type { AuditHead } from '../audit/audit-event';

/** Where it is disclosed: trụ sở, cổng thông tin điện tử, loa truyền thanh, hội nghị/họp dân, bảng tin… */
export const DISCLOSURE_CHANNELS = [
  'headquarters',
  'website',
  'loudspeaker',
  'residentialMeeting',
  'noticeBoard',
  'other',
] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

export const DISCLOSURE_STATUSES = ['planned', 'posted', 'ended'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/** A public disclosure (công khai, niêm yết): what, where, and for how long. */
export interface Disclosure {
  tenantId: string;
  bodyId: string;
  id: string;
  title: string;
  description: string;
  /** The rule that requires it, as the unit writes it (e.g. "Luật 10/2022/QH15 Điều 11"). */
  basis: string;
  channels: DisclosureChannel[];
  /** Posting period in calendar days (e.g. 30). */
  days: number;
  /** yyyy-MM-dd: the day posting must start (planned), or did start (posted). */
  startOn: string;
  /** yyyy-MM-dd: the last day of the period, `days` after `startOn` (Civil Code Art. 147). */
  endOn: string;
  status: DisclosureStatus;
  postedAt?: string | undefined;
  postedBy?: string | undefined;
  endedOn?: string | undefined;
  endedAt?: string | undefined;
  endedBy?: string | undefined;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}
