import type { TeamsMeetingLinkRepository, UseCaseDeps } from '@qcdc/core';
import {
  DEMO_BODY,
  DEMO_DIRECTORY,
  DEMO_MEMBERS,
  DEMO_OUTSIDER,
  DEMO_TENANT_ID,
} from '../demo-data';
import type { GraphStandIn, StandInUser } from './graph-stand-in';

/** The demo commune's Teams team ("BCĐ QCDC xã Chi Lăng"), its channel and the meeting's chat. */
export const DEMO_TEAM_ID = '5d7e9a10-3c4b-4f21-9a8e-0c1d2e3f4a5b';
export const DEMO_CHANNEL_ID = '19:qcdc-chilang-general@thread.tacv2';
export const DEMO_MEETING_CHAT_ID = '19:meeting_qcdc-chilang-demo@thread.v2';
/** The app's id in the demo tenant's Teams app catalog (proactive installs). */
export const DEMO_APP_CATALOG_ID = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924';
/** The Teams meeting behind the seeded steering-committee meeting (fixed across runs). */
export const DEMO_ONLINE_MEETING_ID =
  'MSoxMTExMTExMS0xMTExLTQxMTEtODExMS0xMTExMTExMTExMDEqMCoqMTk6bWVldGluZ19xY2RjLWNoaWxhbmctZGVtb0B0aHJlYWQudjI';

const DEMO_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_qcdc-chilang-demo%40thread.v2/0';

/** People in the team who are not (yet) members of the steering committee: the roster proposes them. */
export const DEMO_EXTRA_PEOPLE: StandInUser[] = [
  {
    tenantId: DEMO_TENANT_ID,
    id: '11111111-1111-4111-8111-111111111121',
    displayName: 'Nông Văn Hải',
    mail: 'hai.nv@chilang.langson.gov.vn',
  },
  {
    tenantId: DEMO_TENANT_ID,
    id: '11111111-1111-4111-8111-111111111122',
    displayName: 'Mã Thị Hằng',
    mail: 'hang.mt@chilang.langson.gov.vn',
  },
  {
    tenantId: DEMO_TENANT_ID,
    id: '11111111-1111-4111-8111-111111111123',
    displayName: 'Hoàng Văn Sơn',
    mail: 'son.hv@chilang.langson.gov.vn',
  },
];

/**
 * Seeds the stand-in with the demo commune's directory, team (the body's members, the outsider and a
 * few extra people, so a roster sync proposes someone), a chat, the app in the catalog, and the Teams
 * meeting behind the seeded meeting with an attendance report (rejoins and a late arrival included),
 * timed from that meeting, and links the meeting to it.
 */
export async function seedGraphStandIn(
  standIn: GraphStandIn,
  deps: UseCaseDeps,
  links: TeamsMeetingLinkRepository,
): Promise<void> {
  for (const user of DEMO_DIRECTORY) {
    standIn.addUser({
      tenantId: user.tenantId,
      id: user.userId,
      displayName: user.displayName,
      mail: user.email,
    });
  }
  for (const user of DEMO_EXTRA_PEOPLE) standIn.addUser(user);
  const m = DEMO_MEMBERS;
  const teamMembers = [
    m.head.userId,
    m.deputyHead.userId,
    m.secretary.userId,
    m.frontChair.userId,
    m.womenUnionChair.userId,
    DEMO_OUTSIDER.userId,
    ...DEMO_EXTRA_PEOPLE.map((person) => person.id),
  ];
  standIn.addTeam(DEMO_TENANT_ID, DEMO_TEAM_ID, teamMembers, {
    owners: [m.head.userId],
    channels: { [DEMO_CHANNEL_ID]: teamMembers },
  });
  standIn.addChat(DEMO_TENANT_ID, DEMO_MEETING_CHAT_ID, [
    m.head.userId,
    m.deputyHead.userId,
    m.secretary.userId,
    m.frontChair.userId,
    m.womenUnionChair.userId,
    m.villageHead.userId,
  ]);
  standIn.addCatalogApp(DEMO_APP_CATALOG_ID);

  const meeting = (await deps.meetings.listMeetings(DEMO_TENANT_ID, DEMO_BODY.id))
    .filter((candidate) => candidate.kind === 'steeringRegular')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (!meeting) return;
  const start = Date.parse(meeting.startsAt);
  const end = meeting.endsAt ? Date.parse(meeting.endsAt) : start + 150 * 60_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const length = Math.round((end - start) / 60_000);
  standIn.addOnlineMeeting({
    tenantId: DEMO_TENANT_ID,
    organizerId: m.head.userId,
    id: DEMO_ONLINE_MEETING_ID,
    subject: meeting.title,
    startDateTime: meeting.startsAt,
    endDateTime: new Date(end).toISOString(),
    joinWebUrl: DEMO_JOIN_URL,
    externalId: meeting.id,
    reports: [
      {
        id: '8b1c2d3e-4f5a-4b6c-9d7e-0f1a2b3c4d5e',
        meetingStartDateTime: at(0),
        meetingEndDateTime: at(length),
        records: [
          {
            userId: m.head.userId,
            displayName: m.head.displayName,
            email: m.head.email,
            role: 'Organizer',
            intervals: [[at(0), at(length)]],
          },
          {
            userId: m.secretary.userId,
            displayName: m.secretary.displayName,
            email: m.secretary.email,
            role: 'Presenter',
            // Dropped twice on a weak connection and came back.
            intervals: [
              [at(0), at(40)],
              [at(45), at(90)],
              [at(92), at(length)],
            ],
          },
          {
            userId: m.deputyHead.userId,
            displayName: m.deputyHead.displayName,
            email: m.deputyHead.email,
            intervals: [[at(15), at(length - 10)]],
          },
          {
            userId: m.frontChair.userId,
            displayName: m.frontChair.displayName,
            email: m.frontChair.email,
            // Came for the Front's agenda item only.
            intervals: [[at(60), at(85)]],
          },
          {
            userId: m.villageHead.userId,
            displayName: m.villageHead.displayName,
            email: m.villageHead.email,
            intervals: [[at(0), at(30)]],
          },
          {
            userId: DEMO_EXTRA_PEOPLE[0]!.id,
            displayName: DEMO_EXTRA_PEOPLE[0]!.displayName,
            email: DEMO_EXTRA_PEOPLE[0]!.mail,
            intervals: [[at(5), at(50)]],
          },
          {
            userId: null,
            displayName: 'Đại biểu tham dự qua điện thoại',
            intervals: [[at(10), at(70)]],
          },
        ],
      },
    ],
  });
  // Demo data, like the body itself: the link row is seeded directly (no meeting change), so the
  // seeded meeting stays at version 1; a link made in the app is an audited meeting change.
  if (!(await links.getLink(DEMO_TENANT_ID, DEMO_BODY.id, meeting.id))) {
    await links.saveLink({
      tenantId: DEMO_TENANT_ID,
      bodyId: DEMO_BODY.id,
      meetingId: meeting.id,
      onlineMeetingId: DEMO_ONLINE_MEETING_ID,
      organizerId: m.head.userId,
      joinWebUrl: DEMO_JOIN_URL,
      linkedAt: meeting.createdAt,
      linkedBy: m.head.userId,
    });
  }
}
