import { GENESIS_HEAD, type AuditEvent, type AuditHead } from '../audit/audit-event';
import type { Body, Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { BodyRepository } from '../ports/body-repository';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type {
  MeetingChange,
  MeetingRepository,
  Stored,
  StoredMeeting,
} from '../ports/meeting-repository';
import type { Attendance } from '../attendance/attendance';
import type { Assignment, AssignmentHeadline } from '../assignments/assignment';
import type { AssignmentRepository, StoredAssignment } from '../ports/assignment-repository';
import type { MinutesSection } from '../minutes/minutes';
import type {
  RosterChange,
  RosterMember,
  RosterProposal,
  RosterState,
  StoredRoster,
} from '../rosters/roster';

/**
 * Faithful in-memory fakes of the storage ports, for core tests. They keep the same contracts as the
 * Azure Tables adapters (tenant-scoped keys, etag checks, atomic change + audit), which the functions
 * integration tests check against Azurite.
 */
export class InMemoryBodyRepository implements BodyRepository {
  readonly bodies = new Map<string, Body>();
  readonly members = new Map<string, Member>();

  addBody(body: Body, members: Member[]): void {
    this.bodies.set(`${body.tenantId}/${body.id}`, body);
    for (const member of members) {
      this.members.set(`${member.tenantId}/${member.bodyId}/${member.userId}`, member);
    }
  }

  async getBody(tenantId: string, bodyId: string): Promise<Body | null> {
    return this.bodies.get(`${tenantId}/${bodyId}`) ?? null;
  }

  async getMember(tenantId: string, bodyId: string, userId: string): Promise<Member | null> {
    return this.members.get(`${tenantId}/${bodyId}/${userId}`) ?? null;
  }

  async listMembers(tenantId: string, bodyId: string): Promise<Member[]> {
    return [...this.members.values()].filter((m) => m.tenantId === tenantId && m.bodyId === bodyId);
  }

  async listMemberships(tenantId: string, userId: string) {
    return [...this.members.values()]
      .filter((m) => m.tenantId === tenantId && m.userId === userId)
      .map((m) => ({ body: this.bodies.get(`${tenantId}/${m.bodyId}`)!, roles: m.roles }));
  }

  // Rosters: the body row's etag and audit head, proposals and roster state, like the Tables adapter.
  private readonly rosterRows = new Map<
    string,
    { etag: string; head: AuditHead; state: RosterState | null; events: AuditEvent[] }
  >();
  readonly proposals = new Map<string, RosterProposal>();
  private rosterEtags = 0;

  private rosterRow(tenantId: string, bodyId: string) {
    const key = `${tenantId}/${bodyId}`;
    let row = this.rosterRows.get(key);
    if (!row) {
      row = { etag: `W/"r${++this.rosterEtags}"`, head: GENESIS_HEAD, state: null, events: [] };
      this.rosterRows.set(key, row);
    }
    return row;
  }

  async getRoster(tenantId: string, bodyId: string): Promise<StoredRoster | null> {
    const body = this.bodies.get(`${tenantId}/${bodyId}`);
    if (!body) return null;
    const row = this.rosterRow(tenantId, bodyId);
    return JSON.parse(
      JSON.stringify({
        body,
        head: row.head,
        etag: row.etag,
        state: row.state,
        members: await this.listMembers(tenantId, bodyId),
        proposals: [...this.proposals.entries()]
          .filter(([key]) => key.startsWith(`${tenantId}/${bodyId}/`))
          .map(([, proposal]) => proposal),
      }),
    ) as StoredRoster;
  }

  /** Checks the etag, then applies everything: all or nothing, like a table batch. */
  async commitRosterChange(change: RosterChange): Promise<{ etag: string }> {
    const row = this.rosterRow(change.tenantId, change.bodyId);
    if (row.etag !== change.etag || change.event.seq !== row.head.seq + 1) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
    const prefix = `${change.tenantId}/${change.bodyId}/`;
    for (const member of change.addMembers ?? []) {
      if (this.members.has(prefix + member.userId)) {
        throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
      }
    }
    for (const member of change.addMembers ?? []) {
      this.members.set(prefix + member.userId, JSON.parse(JSON.stringify(member)) as Member);
    }
    for (const update of change.updateMembers ?? []) {
      const member = this.members.get(prefix + update.userId) as RosterMember | undefined;
      if (!member) continue;
      const next: RosterMember = { ...member };
      if (update.email !== undefined) next.email = update.email;
      if (update.seenIn !== undefined) next.seenIn = update.seenIn;
      if (update.flag === null) delete next.flag;
      else if (update.flag !== undefined) next.flag = update.flag;
      this.members.set(prefix + update.userId, next);
    }
    for (const proposal of change.putProposals ?? []) {
      this.proposals.set(prefix + proposal.userId, { ...proposal });
    }
    for (const userId of change.deleteProposals ?? []) this.proposals.delete(prefix + userId);
    if (change.state) row.state = change.state;
    row.events.push(change.event);
    row.head = { seq: change.event.seq, hash: change.event.hash };
    row.etag = `W/"r${++this.rosterEtags}"`;
    return { etag: row.etag };
  }

  /** Events recorded through roster changes; seed one with `recordBodyEvent` to start the chain. */
  async listBodyAuditEvents(tenantId: string, bodyId: string): Promise<AuditEvent[]> {
    return [...this.rosterRow(tenantId, bodyId).events];
  }

  /** Records the body's first event (its creation), as the Tables adapter's createBody does. */
  recordBodyEvent(event: AuditEvent): void {
    const row = this.rosterRow(event.tenantId, event.aggregateId);
    row.events.push(event);
    row.head = { seq: event.seq, hash: event.hash };
  }
}

export class InMemoryMeetingRepository implements MeetingRepository {
  private readonly rows = new Map<string, StoredMeeting>();
  private readonly events = new Map<string, AuditEvent[]>();
  private readonly attendance = new Map<string, Attendance>();
  private readonly sections = new Map<string, Map<string, Stored<MinutesSection>>>();
  private readonly revisions = new Map<string, MinutesSection[]>();
  private etagCounter = 0;

  async getMeeting(tenantId: string, bodyId: string, meetingId: string) {
    const row = this.rows.get(`${tenantId}/${bodyId}/${meetingId}`);
    return row ? clone(row) : null;
  }

  async listMeetings(tenantId: string, bodyId: string): Promise<Meeting[]> {
    return [...this.rows.values()]
      .map((row) => row.meeting)
      .filter((m) => m.tenantId === tenantId && m.bodyId === bodyId)
      .map((m) => clone(m));
  }

  async createMeeting(meeting: Meeting, event: AuditEvent): Promise<void> {
    const key = keyOf(meeting);
    if (this.rows.has(key)) throw new DomainError('CONCURRENCY.CONFLICT');
    this.rows.set(key, { meeting: clone(meeting), etag: this.nextEtag() });
    this.events.set(key, [event]);
  }

  /** Checks every etag first, then applies everything: all or nothing, like a table batch. */
  async commitMeetingChange(change: MeetingChange): Promise<void> {
    const key = keyOf(change.meeting);
    const row = this.rows.get(key);
    const sections = this.sections.get(key) ?? new Map<string, Stored<MinutesSection>>();
    const section = change.section ? sections.get(change.section.value.key) : undefined;
    const stale =
      !row ||
      row.etag !== change.etag ||
      (change.section && (section?.etag ?? null) !== change.section.etag);
    if (stale) throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    this.rows.set(key, { meeting: clone(change.meeting), etag: this.nextEtag() });
    this.events.get(key)!.push(change.event);
    if (change.attendanceMarks) {
      const attendance = { ...this.attendance.get(key) };
      for (const mark of change.attendanceMarks) attendance[mark.userId] = clone(mark);
      this.attendance.set(key, attendance);
    }
    if (change.section) {
      sections.set(change.section.value.key, {
        value: clone(change.section.value),
        etag: this.nextEtag(),
      });
      this.sections.set(key, sections);
      this.revisions.set(key, [...(this.revisions.get(key) ?? []), clone(change.section.value)]);
    }
  }

  async getAttendance(tenantId: string, bodyId: string, meetingId: string) {
    return clone(this.attendance.get(`${tenantId}/${bodyId}/${meetingId}`) ?? {});
  }

  async listMinutesSections(tenantId: string, bodyId: string, meetingId: string) {
    return [...(this.sections.get(`${tenantId}/${bodyId}/${meetingId}`)?.values() ?? [])].map(
      (stored) => clone(stored),
    );
  }

  async listMinutesRevisions(tenantId: string, bodyId: string, meetingId: string) {
    return clone(this.revisions.get(`${tenantId}/${bodyId}/${meetingId}`) ?? []);
  }

  async listAuditEvents(tenantId: string, bodyId: string, meetingId: string) {
    return [...(this.events.get(`${tenantId}/${bodyId}/${meetingId}`) ?? [])];
  }

  private nextEtag(): string {
    this.etagCounter += 1;
    return `W/"${this.etagCounter}"`;
  }
}

function keyOf(meeting: Meeting): string {
  return `${meeting.tenantId}/${meeting.bodyId}/${meeting.id}`;
}

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

export function sequentialIds(prefix = 'ID'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}${String(++n).padStart(6, '0')}` };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class InMemoryAssignmentRepository implements AssignmentRepository {
  private readonly rows = new Map<string, StoredAssignment>();
  private readonly events = new Map<string, AuditEvent[]>();
  private etagCounter = 0;

  async getAssignment(tenantId: string, bodyId: string, id: string) {
    const row = this.rows.get(`${tenantId}/${bodyId}/${id}`);
    return row ? clone(row) : null;
  }

  async listBodyAssignments(tenantId: string, bodyId: string) {
    return [...this.rows.values()]
      .map((row) => row.assignment)
      .filter((a) => a.tenantId === tenantId && a.bodyId === bodyId)
      .map((a) => clone(a));
  }

  /** Narrowed like the table store's projection, so core code cannot lean on the dropped fields. */
  async listBodyAssignmentHeadlines(tenantId: string, bodyId: string) {
    return (await this.listBodyAssignments(tenantId, bodyId)).map((a): AssignmentHeadline => ({
      tenantId: a.tenantId,
      bodyId: a.bodyId,
      id: a.id,
      title: a.title,
      ownerId: a.ownerId,
      coOwnerIds: a.coOwnerIds,
      source: a.source.meetingId
        ? { kind: a.source.kind, meetingId: a.source.meetingId }
        : { kind: a.source.kind },
      deadline: a.deadline,
      originalDeadline: a.originalDeadline,
      priority: a.priority,
      status: a.status,
      submittedAt: a.submittedAt,
      completedAt: a.completedAt,
    }));
  }

  async listUserAssignments(tenantId: string, userId: string) {
    return [...this.rows.values()]
      .map((row) => row.assignment)
      .filter(
        (a) => a.tenantId === tenantId && (a.ownerId === userId || a.coOwnerIds.includes(userId)),
      )
      .map((a) => clone(a));
  }

  async createAssignment(assignment: Assignment, event: AuditEvent) {
    const key = `${assignment.tenantId}/${assignment.bodyId}/${assignment.id}`;
    if (this.rows.has(key)) throw new DomainError('CONCURRENCY.CONFLICT');
    this.rows.set(key, { assignment: clone(assignment), etag: `W/"a${++this.etagCounter}"` });
    this.events.set(key, [event]);
  }

  async commitAssignment(assignment: Assignment, etag: string, event: AuditEvent) {
    const key = `${assignment.tenantId}/${assignment.bodyId}/${assignment.id}`;
    const row = this.rows.get(key);
    if (!row || row.etag !== etag) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
    this.rows.set(key, { assignment: clone(assignment), etag: `W/"a${++this.etagCounter}"` });
    this.events.get(key)!.push(event);
  }

  async listAssignmentAudit(tenantId: string, bodyId: string, id: string) {
    return [...(this.events.get(`${tenantId}/${bodyId}/${id}`) ?? [])];
  }
}
