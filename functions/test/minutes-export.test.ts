import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DownloadTicketStore } from '../src/store/download-ticket-store';
import { connectionStringTables } from '../src/store/table-client-factory';
import type { DevHost } from '../src/dev/host';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
} from './support/api-harness';

let host: DevHost;
let fixture: TestBody;

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
});
afterAll(async () => {
  await host?.stop();
});

async function download(path: string, user = fixture.users.member) {
  const token = await host.devIssuer.issueToken(user);
  return fetch(`${host.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('exporting approved minutes as DOCX (Decree 30/2020 Form 1.9)', () => {
  it('refuses before approval, then serves the minutes and the conclusion notice', async () => {
    const { head, secretary, member } = fixture.users;
    const created = await apiAs(host, secretary)(`/api/bodies/${fixture.body.id}/meetings`, {
      method: 'POST',
      body: meetingInput(fixture.users, { title: 'Họp Ban Chỉ đạo tháng 12 năm 2026' }),
    });
    const meeting = created.json.meeting;
    const path = `/api/bodies/${fixture.body.id}/meetings/${meeting.id}`;
    const move = async (user: typeof head, transition: string) => {
      const current = await apiAs(host, user)(path);
      const response = await apiAs(host, user)(`${path}/transitions`, {
        method: 'POST',
        body: { transition, version: current.json.meeting.version },
      });
      expect(response.status).toBe(200);
    };
    await apiAs(host, secretary)(`${path}/attendance`, {
      method: 'PUT',
      body: {
        marks: [
          { userId: head.userId, status: 'present' },
          { userId: secretary.userId, status: 'present' },
          { userId: member.userId, status: 'absentExcused' },
        ],
      },
    });
    await move(head, 'start');
    const save = (key: string, text: string) =>
      apiAs(host, secretary)(`${path}/minutes/sections/${key}`, {
        method: 'PUT',
        body: { version: 0, text },
      });
    await save(`item-${meeting.agenda[0].id}`, 'Đồng chí Phạm Thị Thu báo cáo kết quả quý IV.');
    await save('conclusions', '- Hoàn thành kế hoạch năm 2026.\n- Chuẩn bị tổng kết.');
    await save('assignments', 'Xây dựng báo cáo tổng kết — Văn phòng UBND xã — 20/12/2026');
    await move(head, 'end');
    await move(secretary, 'submitMinutes');

    const early = await download(`${path}/minutes/document`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe(
      'MINUTES.NOT_APPROVED',
    );

    await move(head, 'approveMinutes');
    const response = await download(`${path}/minutes/document`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toContain('bien-ban-2026-12-15-v1.docx');
    const xml = strFromU8(
      unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!,
    );
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN',
      'Họp Ban Chỉ đạo tháng 12 năm 2026',
      '08 giờ 00 phút, ngày 15 tháng 12 năm 2026',
      'Trần Văn Minh',
      'Phạm Thị Thu',
      'Đồng chí Phạm Thị Thu báo cáo kết quả quý IV.',
      '- Hoàn thành kế hoạch năm 2026;',
      'Xây dựng báo cáo tổng kết — Văn phòng UBND xã — thời hạn 20/12/2026',
      'THƯ KÝ',
      'CHỦ TỌA',
    ]) {
      expect(xml).toContain(text);
    }

    const notice = await download(`${path}/minutes/conclusion-notice`);
    expect(notice.status).toBe(200);
    const noticeXml = strFromU8(
      unzipSync(new Uint8Array(await notice.arrayBuffer()))['word/document.xml']!,
    );
    expect(noticeXml).toContain('THÔNG BÁO');
    expect(noticeXml).toContain('Chuẩn bị tổng kết.');

    const stranger = await download(`${path}/minutes/document`, fixture.outsider as never);
    expect(stranger.status).toBe(403);

    // Teams mobile opens a URL: a one-time link, valid for minutes, re-checked when used.
    const link = await apiAs(host, member)(`${path}/minutes/download-links`, {
      method: 'POST',
      body: { document: 'conclusionNotice' },
    });
    expect(link.status).toBe(201);
    expect(link.json.url).toMatch(
      /\/api\/downloads\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}$/,
    );
    const viaLink = await fetch(link.json.url);
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-disposition')).toContain('thong-bao-ket-luan');
    const reused = await fetch(link.json.url);
    expect(reused.status).toBe(404);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe(
      'DOWNLOAD.NOT_FOUND',
    );
    const forged = await fetch(link.json.url.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)));
    expect(forged.status).toBe(404);
  });
});

describe('download tickets', () => {
  it('expire: a ticket redeemed after its expiry gives nothing', async () => {
    const store = new DownloadTicketStore(connectionStringTables(inject('storageConnection')));
    const ticket = {
      tenantId: fixture.body.tenantId,
      userId: fixture.users.member.userId,
      displayName: 'x',
      bodyId: fixture.body.id,
      meetingId: 'M1',
      document: 'minutes' as const,
      expiresAt: '2026-12-01T00:05:00.000Z',
    };
    const late = await store.issue(ticket);
    expect(
      await store.redeem(ticket.tenantId, ticket.userId, late, new Date('2026-12-01T00:06:00Z')),
    ).toBeNull();
    const onTime = await store.issue(ticket);
    expect(
      await store.redeem(ticket.tenantId, ticket.userId, onTime, new Date('2026-12-01T00:04:00Z')),
    ).toMatchObject({ meetingId: 'M1' });
  });
});
