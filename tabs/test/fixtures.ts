import { transitionsFrom, type MeetingStatus } from '@qcdc/core';
import type { AssignmentView, BodyMember, MeetingView } from '../src/api/api-types';

export const HEAD = '11111111-1111-4111-8111-111111111101';
export const DEPUTY = '11111111-1111-4111-8111-111111111102';
export const SECRETARY = '11111111-1111-4111-8111-111111111103';
export const MEMBER = '11111111-1111-4111-8111-111111111104';
export const OBSERVER = '11111111-1111-4111-8111-111111111106';

export const MEMBERS: BodyMember[] = [
  { userId: HEAD, displayName: 'Triệu Văn Thanh', title: 'Chủ tịch UBND xã', roles: ['head'] },
  { userId: DEPUTY, displayName: 'Nguyễn Thị Hoa', title: 'Phó Chủ tịch', roles: ['deputyHead'] },
  { userId: SECRETARY, displayName: 'Hoàng Minh Tuấn', title: 'Văn phòng', roles: ['secretary'] },
  { userId: MEMBER, displayName: 'Lương Văn Bình', title: 'MTTQ', roles: ['member'] },
  { userId: OBSERVER, displayName: 'Hoàng Văn Đức', title: 'Trưởng thôn', roles: ['observer'] },
];

/** A meeting as the API sends it, chaired by the head and minuted by the secretary. */
export function meetingAt(
  status: MeetingStatus,
  minutes: Partial<MeetingView['minutes']> = {},
): MeetingView {
  return {
    id: 'm-1',
    bodyId: 'bcd',
    kind: 'steeringRegular',
    title: 'Họp Ban Chỉ đạo quý IV năm 2026',
    startsAt: '2026-12-15T01:00:00.000Z',
    endsAt: '2026-12-15T03:30:00.000Z',
    location: 'Hội trường UBND xã',
    status,
    transitions: transitionsFrom(status),
    chairId: HEAD,
    secretaryId: SECRETARY,
    agenda: [
      { id: 'a1', title: 'Đánh giá kết quả thực hiện' },
      { id: 'a2', title: 'Phân công nhiệm vụ quý I' },
    ],
    minutes: { edition: 1, status: 'drafting', ...minutes },
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    version: 1,
  };
}

/** An assignment as the API sends it: the secretary asked the member, due 15/12/2026. */
export function assignmentOf(overrides: Partial<AssignmentView> = {}): AssignmentView {
  return {
    id: 'a-1',
    bodyId: 'bcd',
    title: 'Niêm yết công khai dự toán ngân sách xã',
    description: '',
    ownerId: MEMBER,
    coOwnerIds: [],
    source: { kind: 'direct' },
    deadline: '2026-12-15',
    originalDeadline: '2026-12-15',
    priority: 'normal',
    status: 'open',
    overdue: false,
    extended: false,
    onTime: null,
    assignedBy: SECRETARY,
    progress: [],
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A Vietnam wall-clock time as an instant: `vietnam('2026-12-15', '23:59')`. */
export function vietnam(date: string, time = '12:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}
