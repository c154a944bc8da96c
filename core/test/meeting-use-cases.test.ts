import { beforeEach, describe, expect, it } from 'vitest';
import {
  scheduleMeeting,
  updateMeeting,
  verifyAuditChain,
  ZCreateMeetingInput,
  type DomainError,
  type UseCaseDeps,
} from '../src/index';
import { actor, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head']);
const secretary = person(2, ['secretary']);
const member = person(3, ['member']);

let deps: UseCaseDeps;
let meetings: ReturnType<typeof fakeDeps>['meetings'];

beforeEach(() => {
  ({ deps, meetings } = fakeDeps(
    [head, secretary, member],
    () => new Date('2026-11-22T03:00:00.000Z'),
  ));
});

const input = (overrides: Record<string, unknown> = {}) =>
  ZCreateMeetingInput.parse({
    kind: 'steeringRegular',
    title: 'Họp quý IV',
    startsAt: '2026-12-15T08:00:00+07:00',
    location: 'Hội trường',
    chairId: head.userId,
    secretaryId: secretary.userId,
    agenda: [{ title: 'Mục 1' }, { title: 'Mục 2' }],
    ...overrides,
  });

describe('scheduleMeeting', () => {
  it('schedules a meeting at version 1 with a verified first audit event', async () => {
    const meeting = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    expect(meeting).toMatchObject({ status: 'scheduled', version: 1, createdBy: secretary.userId });
    const events = await meetings.listAuditEvents(TENANT, 'b1', meeting.id);
    expect(events.map((e) => e.action)).toEqual(['meeting.scheduled']);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
    expect(meeting.audit).toEqual({ seq: 1, hash: events[0]!.hash });
  });

  it('refuses a plain member, a chair from outside the body, and an unknown body', async () => {
    expect(await codeOf(scheduleMeeting(deps, actor(member), 'b1', input()))).toBe(
      'PERMISSION.DENIED',
    );
    expect(
      await codeOf(
        scheduleMeeting(
          deps,
          actor(head),
          'b1',
          input({ chairId: 'a0000000-0000-4000-8000-000000000999' }),
        ),
      ),
    ).toBe('MEETING.PERSON_NOT_MEMBER');
    expect(await codeOf(scheduleMeeting(deps, actor(head), 'nope', input()))).toBe(
      'BODY.NOT_FOUND',
    );
    expect(await meetings.listMeetings(TENANT, 'b1')).toEqual([]);
  });

  it("does not find a body through another tenant's actor", async () => {
    const stranger = { ...actor(head), tenantId: 'b0000000-0000-4000-8000-000000000002' };
    expect(await codeOf(scheduleMeeting(deps, stranger, 'b1', input()))).toBe('BODY.NOT_FOUND');
  });
});

describe('updateMeeting', () => {
  it('lets the chair edit, keeps agenda ids of unchanged items, and chains the audit', async () => {
    const created = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    const [first, second] = created.agenda;
    const updated = await updateMeeting(deps, actor(head), 'b1', created.id, {
      version: 1,
      agenda: [{ title: 'Mục 2' }, { title: 'Mục mới' }, { title: 'Mục 1' }],
    });
    expect(updated.version).toBe(2);
    expect(updated.agenda.map((item) => item.id)).toEqual([
      second!.id,
      expect.not.stringMatching(new RegExp(`^(${first!.id}|${second!.id})$`)),
      first!.id,
    ]);
    const events = await meetings.listAuditEvents(TENANT, 'b1', created.id);
    expect(events.map((e) => e.action)).toEqual(['meeting.scheduled', 'meeting.updated']);
    expect(Object.keys(events[1]!.changes)).toEqual(['agenda']);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
  });

  it('answers a stale version with CONCURRENCY.CONFLICT carrying the fresh meeting', async () => {
    const created = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    await updateMeeting(deps, actor(head), 'b1', created.id, { version: 1, title: 'Bản mới' });
    try {
      await updateMeeting(deps, actor(secretary), 'b1', created.id, { version: 1, title: 'Cũ' });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('CONCURRENCY.CONFLICT');
      expect((error as DomainError).details).toMatchObject({
        current: { title: 'Bản mới', version: 2 },
      });
    }
  });

  it('writes nothing and bumps nothing when nothing changes', async () => {
    const created = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    const same = await updateMeeting(deps, actor(head), 'b1', created.id, {
      version: 1,
      title: created.title,
    });
    expect(same.version).toBe(1);
    expect(await meetings.listAuditEvents(TENANT, 'b1', created.id)).toHaveLength(1);
  });

  it('refuses edits once the meeting has started', async () => {
    const created = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    const stored = await meetings.getMeeting(TENANT, 'b1', created.id);
    const started = { ...stored!.meeting, status: 'inProgress' as const, version: 2 };
    await meetings.commitMeetingChange({
      meeting: started,
      etag: stored!.etag,
      event: { ...(await meetings.listAuditEvents(TENANT, 'b1', created.id))[0]!, seq: 2 },
    });
    expect(
      await codeOf(updateMeeting(deps, actor(head), 'b1', created.id, { version: 2, title: 'x' })),
    ).toBe('MEETING.NOT_EDITABLE');
  });

  it('refuses an end before the start', async () => {
    const created = await scheduleMeeting(deps, actor(secretary), 'b1', input());
    expect(
      await codeOf(
        updateMeeting(deps, actor(head), 'b1', created.id, {
          version: 1,
          endsAt: '2026-12-14T01:00:00.000Z',
        }),
      ),
    ).toBe('MEETING.ENDS_BEFORE_START');
  });
});
