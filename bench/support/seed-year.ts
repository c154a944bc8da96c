import { DEMO_BODY, DEMO_MEMBERS, demoMeetingInput } from '../../functions/src/dev/demo-data';

/** A year of a body's work: meetings over the past months and assignments to every member. */
export async function seedYear(
  baseUrl: string,
  token: string,
  counts: { meetings: number; assignments: number },
): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    }
    await response.arrayBuffer();
  };
  const inBatches = async (count: number, work: (i: number) => Promise<void>) => {
    for (let start = 0; start < count; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, count - start) }, (_, k) => work(start + k)),
      );
    }
  };
  const now = Date.now();
  await inBatches(counts.meetings, (i) => {
    // Spread across a year, about one a week, from eleven months back.
    const input = demoMeetingInput(new Date(now + (i * 7 - 330) * 86_400_000));
    return post(`/api/bodies/${DEMO_BODY.id}/meetings`, {
      ...input,
      title: `${input.title} – phiên ${i + 1}`,
    });
  });
  const owners = Object.values(DEMO_MEMBERS).map((member) => member.userId);
  await inBatches(counts.assignments, (i) => {
    const deadline = new Date(now + ((i % 120) + 1) * 86_400_000).toISOString().slice(0, 10);
    return post(`/api/bodies/${DEMO_BODY.id}/assignments`, {
      title: `Nhiệm vụ số ${i + 1}: triển khai kết luận của Ban Chỉ đạo về dân chủ ở cơ sở`,
      description: 'Báo cáo kết quả bằng văn bản gửi Ban Chỉ đạo.',
      ownerId: owners[i % owners.length],
      deadline,
      priority: i % 7 === 0 ? 'high' : 'normal',
    });
  });
}
