import type { Body, BodyRole, TCreateMeetingInput, Unit } from '@qcdc/core';
import type { DirectoryUser } from '../auth/dev-issuer';

/**
 * Demo data for local runs, drawn from the 2024 grassroots-democracy plan of Chi Lăng (shared/seeds/004).
 * Since the 2025 reform there are no districts or towns (thị trấn): the unit is the commune, UBND xã
 * Chi Lăng, in Lạng Sơn province. A second tenant (another commune's organisation) exists so isolation
 * between tenants can be seen and tested.
 */
export const DEMO_TENANT_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
export const OTHER_TENANT_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

export const DEMO_UNIT: Unit = {
  tenantId: DEMO_TENANT_ID,
  id: 'ubnd-xa-chi-lang',
  name: 'UBND xã Chi Lăng',
  province: 'Lạng Sơn',
};

export const DEMO_BODY: Body = {
  tenantId: DEMO_TENANT_ID,
  unitId: DEMO_UNIT.id,
  unitName: DEMO_UNIT.name,
  id: 'bcd-qcdc-chi-lang',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng',
};

interface DemoMember extends DirectoryUser {
  roles: BodyRole[];
}

const member = (
  userId: string,
  displayName: string,
  title: string,
  email: string,
  roles: BodyRole[],
  tenantId = DEMO_TENANT_ID,
): DemoMember => ({ tenantId, userId, displayName, title, email, roles });

export const DEMO_MEMBERS = {
  head: member(
    '11111111-1111-4111-8111-111111111101',
    'Triệu Văn Thanh',
    'Chủ tịch UBND xã',
    'thanh.tv@chilang.langson.gov.vn',
    ['head'],
  ),
  deputyHead: member(
    '11111111-1111-4111-8111-111111111102',
    'Nguyễn Thị Hoa',
    'Phó Chủ tịch UBND xã',
    'hoa.nt@chilang.langson.gov.vn',
    ['deputyHead'],
  ),
  secretary: member(
    '11111111-1111-4111-8111-111111111103',
    'Hoàng Minh Tuấn',
    'Công chức Văn phòng - Thống kê',
    'tuan.hm@chilang.langson.gov.vn',
    ['secretary'],
  ),
  frontChair: member(
    '11111111-1111-4111-8111-111111111104',
    'Lương Văn Bình',
    'Chủ tịch Ủy ban MTTQ Việt Nam xã',
    'binh.lv@chilang.langson.gov.vn',
    ['member'],
  ),
  womenUnionChair: member(
    '11111111-1111-4111-8111-111111111105',
    'Vi Thị Lan',
    'Chủ tịch Hội Liên hiệp Phụ nữ xã',
    'lan.vt@chilang.langson.gov.vn',
    ['member'],
  ),
  villageHead: member(
    '11111111-1111-4111-8111-111111111106',
    'Hoàng Văn Đức',
    'Trưởng thôn Bản Trang',
    'duc.hv@chilang.langson.gov.vn',
    ['observer'],
  ),
} as const;

/**
 * The commune's staff conference (Hội nghị cán bộ, công chức, Law 10/2022 Arts. 50-52), chaired by
 * the head of the unit with the trade union. It carries the demo's past year of history
 * (demo-history.ts), so the steering committee above keeps its plain starting state.
 */
export const DEMO_CONFERENCE_BODY: Body = {
  tenantId: DEMO_TENANT_ID,
  unitId: DEMO_UNIT.id,
  unitName: DEMO_UNIT.name,
  id: 'hoi-nghi-cbcc-chi-lang',
  kind: 'staffConference',
  name: 'Hội nghị cán bộ, công chức xã Chi Lăng',
};

/** Commune staff who appear only in the history: they own its tasks; they do not sign in. */
export const DEMO_STAFF = {
  unionChair: member(
    '11111111-1111-4111-8111-111111111111',
    'Hà Thị Nguyệt',
    'Chủ tịch Công đoàn cơ sở xã',
    'nguyet.ht@chilang.langson.gov.vn',
    ['member'],
  ),
  landOfficer: member(
    '11111111-1111-4111-8111-111111111112',
    'Nông Văn Quân',
    'Công chức Địa chính - Xây dựng',
    'quan.nv@chilang.langson.gov.vn',
    ['member'],
  ),
  cultureOfficer: member(
    '11111111-1111-4111-8111-111111111113',
    'Lộc Thị Hằng',
    'Công chức Văn hóa - Xã hội',
    'hang.lt@chilang.langson.gov.vn',
    ['member'],
  ),
  financeOfficer: member(
    '11111111-1111-4111-8111-111111111114',
    'Vy Văn Trường',
    'Công chức Tài chính - Kế toán',
    'truong.vv@chilang.langson.gov.vn',
    ['member'],
  ),
} as const;

/** The conference's members: the unit's leaders in their roles, the union chair and the staff. */
export const DEMO_CONFERENCE_MEMBERS = [
  DEMO_MEMBERS.head,
  DEMO_MEMBERS.deputyHead,
  DEMO_MEMBERS.secretary,
  ...Object.values(DEMO_STAFF),
];

/** Who administers each demo unit (docs/admin.md): the commune's chair and its office secretary. */
export const DEMO_UNIT_ADMINS = [DEMO_MEMBERS.head, DEMO_MEMBERS.secretary].map(
  ({ userId, displayName }) => ({ userId, displayName }),
);

/** Someone in the demo tenant's directory who belongs to no body: sees nothing, may do nothing. */
export const DEMO_OUTSIDER: DirectoryUser = {
  tenantId: DEMO_TENANT_ID,
  userId: '11111111-1111-4111-8111-111111111199',
  displayName: 'Đặng Thu Trang',
  title: 'Viên chức Trạm Y tế xã',
  email: 'trang.dt@chilang.langson.gov.vn',
};

export const OTHER_UNIT: Unit = {
  tenantId: OTHER_TENANT_ID,
  id: 'ubnd-xa-dong-dang',
  name: 'UBND xã Đồng Đăng',
  province: 'Lạng Sơn',
};

export const OTHER_BODY: Body = {
  tenantId: OTHER_TENANT_ID,
  unitId: OTHER_UNIT.id,
  unitName: OTHER_UNIT.name,
  id: 'bcd-qcdc-dong-dang',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Đồng Đăng',
};

export const OTHER_MEMBERS = {
  head: member(
    '22222222-2222-4222-8222-222222222201',
    'Lăng Văn Hùng',
    'Chủ tịch UBND xã',
    'hung.lv@dongdang.langson.gov.vn',
    ['head'],
    OTHER_TENANT_ID,
  ),
  secretary: member(
    '22222222-2222-4222-8222-222222222202',
    'Chu Thị Mai',
    'Công chức Văn phòng - Thống kê',
    'mai.ct@dongdang.langson.gov.vn',
    ['secretary'],
    OTHER_TENANT_ID,
  ),
} as const;

export const DEMO_DIRECTORY: DirectoryUser[] = [
  ...Object.values(DEMO_MEMBERS),
  DEMO_OUTSIDER,
  ...Object.values(OTHER_MEMBERS),
].map(({ tenantId, userId, displayName, title, email }) => ({
  tenantId,
  userId,
  displayName,
  title,
  email,
}));

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** The steering committee's next regular meeting: a week after the first run, 08:00 Vietnam time. */
export function demoMeetingInput(now: Date): TCreateMeetingInput {
  const vietnamNow = new Date(now.getTime() + 7 * 3600_000);
  const day = new Date(
    Date.UTC(vietnamNow.getUTCFullYear(), vietnamNow.getUTCMonth(), vietnamNow.getUTCDate() + 7),
  );
  const startsAt = new Date(day.getTime() + (8 - 7) * 3600_000);
  const quarter = ROMAN_QUARTERS[Math.floor(day.getUTCMonth() / 3)];
  const year = day.getUTCFullYear();
  return {
    kind: 'steeringRegular',
    title: `Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý ${quarter} năm ${year}`,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2.5 * 3600_000).toISOString(),
    location: 'Hội trường UBND xã Chi Lăng',
    chairId: DEMO_MEMBERS.head.userId,
    secretaryId: DEMO_MEMBERS.secretary.userId,
    agenda: [
      {
        title: `Đánh giá kết quả thực hiện Kế hoạch thực hiện dân chủ ở cơ sở năm ${year}`,
        presenterId: DEMO_MEMBERS.secretary.userId,
        durationMinutes: 30,
      },
      {
        title: 'Công tác tiếp công dân, đối thoại và giải quyết phản ánh, kiến nghị của Nhân dân',
        presenterId: DEMO_MEMBERS.deputyHead.userId,
        durationMinutes: 30,
      },
      {
        title: 'Kết quả giám sát, phản biện xã hội của Ủy ban MTTQ Việt Nam xã',
        presenterId: DEMO_MEMBERS.frontChair.userId,
        durationMinutes: 20,
      },
      {
        title: 'Chuẩn bị sơ kết, tổng kết thực hiện dân chủ ở cơ sở; phân công nhiệm vụ',
        presenterId: DEMO_MEMBERS.head.userId,
        durationMinutes: 20,
      },
    ],
  };
}
