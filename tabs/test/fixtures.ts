import { transitionsFrom, type MeetingStatus } from '@qcdc/core';
import type { BodyMember, MeetingView } from '../src/api/api-types';

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
