import {
  approveRecommendationResponse,
  addRecommendation,
  castBallot,
  closeMotion,
  createAssignment,
  createConsultation,
  createDisclosure,
  createMotion,
  draftRecommendationResponse,
  minutesSectionKeys,
  openMotion,
  postDisclosure,
  recordAttendance,
  saveMinutesSection,
  scheduleMeeting,
  secureRandom,
  sendConsultation,
  transitionAssignment,
  transitionMeeting,
  ZCastBallotInput,
  ZCreateMotionInput,
  type Actor,
  type Meeting,
  type UseCaseDeps,
  type VoteDeps,
  type VoteRepository,
} from '@qcdc/core';
import {
  DEMO_CONFERENCE_BODY,
  DEMO_CONFERENCE_MEMBERS,
  DEMO_MEMBERS,
  DEMO_STAFF,
} from './demo-data';

/**
 * A past year of the commune's staff conference, so a newcomer's report and charts have something
 * in them: the yearly conference (Law 10/2022 Art. 51) with its votes, approved minutes and tasks
 * done on time, late and not at all; the six-monthly review of its resolution (Art. 52(3)); the
 * Front's supervision of it with answered and open recommendations; the resolution's disclosure.
 *
 * Written through the same use cases the API calls, each with the clock set to the day it happened,
 * so every date, audit event and figure is what the real flow would have stored. Ids are fixed
 * (UUID-shaped, numbered), and the dates follow from the first run's date only: the conference year
 * is the latest one whose September has ended, so the review is always in the past.
 * No reminders are planned: this is history, and overdue reminders for it would flood the
 * playground's chat on the first start.
 */
export async function seedDemoHistory(
  deps: UseCaseDeps,
  votes: VoteRepository,
  now: Date,
): Promise<void> {
  const clock = { at: now };
  let sequence = 0;
  const id = () => `5eed0000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;
  const base: UseCaseDeps = {
    ...deps,
    clock: { now: () => clock.at },
    ids: { next: id },
    reminders: undefined,
  };
  const voteDeps: VoteDeps = { ...base, votes, random: secureRandom };
  const at = (day: string, time = '08:00') => {
    clock.at = new Date(`${day}T${time}:00+07:00`);
  };
  const bodyId = DEMO_CONFERENCE_BODY.id;
  const { head, deputyHead, secretary } = DEMO_MEMBERS;
  const { landOfficer, cultureOfficer, financeOfficer } = DEMO_STAFF;
  const vietnamToday = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const thisYear = Number(vietnamToday.slice(0, 4));
  const year = vietnamToday.slice(5) >= '10-01' ? thisYear : thisYear - 1;
  const d = (monthDay: string) => `${year}-${monthDay}`;

  // 1. The yearly conference, 20 March: on time for work year Y-1 (by 31 March).
  at(d('03-06'));
  const conference = await holdMeeting(base, voteDeps, at, {
    day: d('03-20'),
    title: `Hội nghị cán bộ, công chức xã Chi Lăng năm ${year}`,
    agenda: [
      `Báo cáo kết quả thực hiện nhiệm vụ năm ${year - 1}, phương hướng nhiệm vụ năm ${year}`,
      'Báo cáo kết quả thực hiện dân chủ ở cơ sở và Quy chế chi tiêu nội bộ',
      `Thảo luận, thông qua Nghị quyết Hội nghị cán bộ, công chức năm ${year}`,
    ],
    votes: [
      {
        question: `Thông qua Nghị quyết Hội nghị cán bộ, công chức xã Chi Lăng năm ${year}`,
        choices: ['for', 'for', 'for', 'for', 'for', 'for', 'abstain'],
      },
      {
        question: `Thông qua Quy chế chi tiêu nội bộ năm ${year} (sửa đổi, bổ sung)`,
        choices: ['for', 'for', 'for', 'for', 'for', 'against', 'for'],
      },
      {
        question: 'Đề xuất tăng mức chi hỗ trợ làm thêm giờ ngày nghỉ từ nguồn tiết kiệm chi',
        choices: ['for', 'against', 'against', 'for', 'against', 'against', 'abstain'],
      },
    ],
    minutes: {
      opening: `Hội nghị khai mạc lúc 08 giờ 00; có mặt 7/7 cán bộ, công chức được triệu tập. Đồng chí Triệu Văn Thanh, Chủ tịch UBND xã, chủ trì; đồng chí Hà Thị Nguyệt, Chủ tịch Công đoàn cơ sở, đồng chủ trì.`,
      conclusions: `Hội nghị thống nhất thông qua Nghị quyết Hội nghị cán bộ, công chức năm ${year} và Quy chế chi tiêu nội bộ sửa đổi; chưa thông qua đề xuất tăng mức chi hỗ trợ làm thêm giờ.`,
    },
  });

  // Tasks from its conclusions: two on time, one late, one still open past its deadline.
  const tasks = [
    {
      title: `Niêm yết công khai Nghị quyết Hội nghị cán bộ, công chức năm ${year} tại trụ sở UBND xã`,
      owner: secretary,
      deadline: d('04-05'),
      submitted: d('04-02'),
    },
    {
      title: `Ban hành Quy chế chi tiêu nội bộ năm ${year} đã được Hội nghị thông qua`,
      owner: financeOfficer,
      deadline: d('04-30'),
      submitted: d('04-24'),
    },
    {
      title: 'Rà soát, bổ sung Quy tắc ứng xử và văn hóa công sở của UBND xã',
      owner: cultureOfficer,
      deadline: d('06-30'),
      submitted: d('07-14'),
    },
    {
      title: 'Cập nhật hồ sơ địa chính, công khai thủ tục đất đai tại Bộ phận Một cửa',
      owner: landOfficer,
      deadline: d('09-15'),
      submitted: null,
    },
  ];
  const headActor = actorOf(head);
  for (const task of tasks) {
    at(d('03-21'), '14:00');
    const created = await createAssignment(base, headActor, bodyId, {
      title: task.title,
      description: '',
      ownerId: task.owner.userId,
      coOwnerIds: [],
      deadline: task.deadline,
      priority: 'normal',
      meetingId: conference.id,
    });
    at(d('03-25'), '09:00');
    const started = await transitionAssignment(base, actorOf(task.owner), bodyId, created.id, {
      transition: 'start',
      version: created.version,
    });
    if (!task.submitted) continue;
    at(task.submitted, '16:00');
    const submitted = await transitionAssignment(base, actorOf(task.owner), bodyId, created.id, {
      transition: 'submit',
      version: started.version,
    });
    at(task.submitted, '17:00');
    await transitionAssignment(base, headActor, bodyId, created.id, {
      transition: 'approveCompletion',
      version: submitted.version,
    });
  }

  // 2. The resolution's disclosure at the headquarters, posted on time.
  at(d('03-21'), '15:00');
  const disclosure = await createDisclosure(base, actorOf(secretary), bodyId, {
    title: `Công khai Nghị quyết Hội nghị cán bộ, công chức xã Chi Lăng năm ${year}`,
    description: 'Niêm yết tại trụ sở UBND xã và đăng trên Trang thông tin điện tử của xã.',
    basis: 'Điều 11 Luật Thực hiện dân chủ ở cơ sở năm 2022',
    channels: ['headquarters'],
    days: 30,
    startOn: d('03-25'),
  });
  at(d('03-25'), '08:00');
  await postDisclosure(base, actorOf(secretary), bodyId, disclosure.id, {
    version: disclosure.version,
  });

  // 3. The Front supervises the resolution: two recommendations answered, one still open.
  at(d('05-05'));
  const consultation = await createConsultation(base, headActor, bodyId, {
    kind: 'supervision',
    title: `Giám sát việc thực hiện Nghị quyết Hội nghị cán bộ, công chức năm ${year}`,
    documentTitle: 'Kết quả giám sát của Ban Thanh tra nhân dân và Ủy ban MTTQ Việt Nam xã',
    description: '',
    frontName: 'Ủy ban MTTQ Việt Nam xã Chi Lăng',
    referenceOn: d('05-05'),
  });
  at(d('05-12'));
  await sendConsultation(base, headActor, bodyId, consultation.id, {
    version: consultation.version,
    sentOn: d('05-12'),
  });
  const recommendations = [
    {
      text: 'Đề nghị niêm yết công khai Quy chế chi tiêu nội bộ tại Bộ phận Một cửa để cán bộ, công chức và Nhân dân cùng giám sát.',
      receivedOn: d('06-10'),
      answer: {
        on: d('06-28'),
        kind: 'accepted' as const,
        text: 'Tiếp thu: đã niêm yết tại Bộ phận Một cửa từ ngày 25/6.',
      },
    },
    {
      text: 'Đề nghị công khai kết quả giải quyết thủ tục đất đai quá hạn trong 6 tháng đầu năm.',
      receivedOn: d('06-10'),
      // Answered after the 30-day limit: it shows as answered late.
      answer: {
        on: d('07-24'),
        kind: 'explained' as const,
        text: 'Giải trình: số liệu được tổng hợp trong báo cáo sơ kết 6 tháng, công khai cùng báo cáo.',
      },
    },
  ];
  for (const item of recommendations) {
    at(item.receivedOn, '10:00');
    const added = await addRecommendation(base, headActor, bodyId, consultation.id, {
      text: item.text,
      receivedOn: item.receivedOn,
      ownerId: deputyHead.userId,
    });
    at(item.answer.on, '09:00');
    const drafted = await draftRecommendationResponse(
      base,
      actorOf(deputyHead),
      bodyId,
      consultation.id,
      added.id,
      { version: added.version, kind: item.answer.kind, text: item.answer.text },
    );
    at(item.answer.on, '15:00');
    await approveRecommendationResponse(base, headActor, bodyId, consultation.id, added.id, {
      version: drafted.version,
      decision: 'approve',
    });
  }
  // Received ten days before the first run: open, its answer due within the month.
  const received = new Date(now.getTime() - 10 * 86_400_000);
  clock.at = received;
  await addRecommendation(base, headActor, bodyId, consultation.id, {
    text: 'Đề nghị bố trí thời gian tiếp công dân của Chủ tịch UBND xã vào ngày thứ Bảy để người lao động ở xa có thể đến.',
    receivedOn: new Date(received.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
    ownerId: deputyHead.userId,
  });

  // 4. The six-monthly review of the resolution (Art. 52(3)), 25 September: on time.
  at(d('09-11'));
  await holdMeeting(base, voteDeps, at, {
    day: d('09-25'),
    title: `Hội nghị sơ kết 6 tháng thực hiện Nghị quyết Hội nghị cán bộ, công chức năm ${year}`,
    agenda: [
      'Báo cáo sơ kết 6 tháng thực hiện Nghị quyết Hội nghị cán bộ, công chức',
      'Kết quả giám sát của Ủy ban MTTQ Việt Nam xã và việc tiếp thu, giải trình',
    ],
    votes: [
      {
        question: `Thông qua Báo cáo sơ kết 6 tháng thực hiện Nghị quyết Hội nghị cán bộ, công chức năm ${year}`,
        choices: ['for', 'for', 'for', 'for', 'for', 'for', 'for'],
      },
    ],
    minutes: {
      opening:
        'Hội nghị khai mạc lúc 08 giờ 00; có mặt 7/7 cán bộ, công chức. Đồng chí Triệu Văn Thanh, Chủ tịch UBND xã, chủ trì.',
      conclusions:
        'Hội nghị đánh giá 3/4 nhiệm vụ theo Nghị quyết đã hoàn thành (1 nhiệm vụ trễ hạn); nhiệm vụ cập nhật hồ sơ địa chính chưa hoàn thành, giao công chức Địa chính - Xây dựng khẩn trương thực hiện.',
    },
  });
}

interface MeetingPlan {
  day: string;
  title: string;
  agenda: string[];
  votes: { question: string; choices: ('for' | 'against' | 'abstain')[] }[];
  minutes: { opening: string; conclusions: string };
}

/** Schedules, runs (attendance, votes), ends a meeting and has its minutes written and approved. */
async function holdMeeting(
  deps: UseCaseDeps,
  voteDeps: VoteDeps,
  at: (day: string, time?: string) => void,
  plan: MeetingPlan,
): Promise<Meeting> {
  const bodyId = DEMO_CONFERENCE_BODY.id;
  const { head, secretary } = DEMO_MEMBERS;
  const chair = actorOf(head);
  const clerk = actorOf(secretary);
  let meeting = await scheduleMeeting(deps, clerk, bodyId, {
    kind: 'staffConference',
    title: plan.title,
    startsAt: new Date(`${plan.day}T08:00:00+07:00`).toISOString(),
    endsAt: new Date(`${plan.day}T11:30:00+07:00`).toISOString(),
    location: 'Hội trường UBND xã Chi Lăng',
    chairId: head.userId,
    secretaryId: secretary.userId,
    agenda: plan.agenda.map((title) => ({ title })),
  });
  const move = async (actor: Actor, transition: string) => {
    meeting = await transitionMeeting(deps, actor, bodyId, meeting.id, {
      transition,
      version: meeting.version,
    });
  };
  at(plan.day, '07:45');
  await recordAttendance(deps, clerk, bodyId, meeting.id, {
    marks: DEMO_CONFERENCE_MEMBERS.map((m) => ({ userId: m.userId, status: 'present' as const })),
  });
  meeting = (await deps.meetings.getMeeting(head.tenantId, bodyId, meeting.id))!.meeting;
  at(plan.day, '08:00');
  await move(chair, 'start');
  let minute = 30;
  for (const [index, vote] of plan.votes.entries()) {
    at(plan.day, clockTime(9 * 60 + minute));
    const motion = await createMotion(
      voteDeps,
      clerk,
      bodyId,
      meeting.id,
      ZCreateMotionInput.parse({ question: vote.question }),
    );
    await openMotion(voteDeps, chair, bodyId, meeting.id, motion.id);
    for (const [n, choice] of vote.choices.entries()) {
      const voter = DEMO_CONFERENCE_MEMBERS[n]!;
      await castBallot(
        voteDeps,
        actorOf(voter),
        bodyId,
        meeting.id,
        motion.id,
        ZCastBallotInput.parse({
          submissionId: `5eed1000-0000-4000-8000-${meeting.id.slice(-6)}${String(index * 100 + n).padStart(6, '0')}`,
          choice,
        }),
      );
    }
    at(plan.day, clockTime(9 * 60 + minute + 10));
    await closeMotion(voteDeps, chair, bodyId, meeting.id, motion.id);
    minute += 20;
  }
  at(plan.day, '11:30');
  await move(chair, 'end');
  at(plan.day, '15:00');
  for (const slot of minutesSectionKeys(meeting)) {
    const item = meeting.agenda.find((a) => slot.agendaItemId === a.id);
    const fixed: Record<string, string> = {
      opening: plan.minutes.opening,
      votes: `Hội nghị biểu quyết ${plan.votes.length} nội dung bằng hình thức giơ tay điện tử; kết quả từng nội dung được công bố tại hội nghị.`,
      conclusions: plan.minutes.conclusions,
      assignments: 'Giao nhiệm vụ theo kết luận của chủ trì hội nghị (danh sách kèm theo).',
      closing: 'Hội nghị bế mạc lúc 11 giờ 30 cùng ngày.',
    };
    const text = item
      ? `${item.title}: Hội nghị nghe báo cáo, thảo luận và thống nhất.`
      : (fixed[slot.key] ?? '');
    meeting = (
      await saveMinutesSection(deps, clerk, bodyId, meeting.id, slot.key, { version: 0, text })
    ).meeting;
  }
  await move(clerk, 'submitMinutes');
  at(plan.day, '16:30');
  await move(chair, 'approveMinutes');
  return meeting;
}

/** HH:mm from minutes after midnight. */
function clockTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function actorOf(person: { tenantId: string; userId: string; displayName: string }): Actor {
  return { tenantId: person.tenantId, userId: person.userId, displayName: person.displayName };
}
