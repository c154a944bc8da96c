import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_LIMITS, ZCreateMeetingInput, ZUpdateMeetingInput } from '../src/index';

const valid = {
  kind: 'steeringRegular',
  title: 'Họp Ban Chỉ đạo quý IV',
  startsAt: '2026-12-15T08:00:00+07:00',
  location: 'Hội trường UBND xã',
  chairId: '11111111-1111-4111-8111-111111111101',
  secretaryId: '11111111-1111-4111-8111-111111111103',
  agenda: [{ title: '  Đánh giá kết quả  ', durationMinutes: 30 }],
};

describe('meeting input schemas (shared by the tab and the API)', () => {
  it('normalises instants to UTC and trims text', () => {
    const parsed = ZCreateMeetingInput.parse(valid);
    expect(parsed.startsAt).toBe('2026-12-15T01:00:00.000Z');
    expect(parsed.agenda[0]!.title).toBe('Đánh giá kết quả');
  });

  it('refuses control characters, blank titles, unknown fields and oversized agendas', () => {
    for (const input of [
      { ...valid, title: 'Họp\u0007' },
      { ...valid, title: '   ' },
      { ...valid, extra: 1 },
      {
        ...valid,
        agenda: Array.from({ length: MEETING_LIMITS.agendaItemsMax + 1 }, () => ({ title: 'x' })),
      },
      { ...valid, chairId: 'not-a-guid' },
    ]) {
      expect(ZCreateMeetingInput.safeParse(input).success).toBe(false);
    }
  });

  it('accepts any text within the limits, Vietnamese included', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: MEETING_LIMITS.titleMax, unit: 'grapheme' }),
        (title) => {
          const trimmed = title.trim();
          fc.pre(trimmed.length > 0 && !/[\u0000-\u001F]/.test(trimmed)); // eslint-disable-line no-control-regex
          expect(ZCreateMeetingInput.parse({ ...valid, title }).title).toBe(trimmed);
        },
      ),
    );
  });

  it('requires a version and at least one change in an update', () => {
    expect(ZUpdateMeetingInput.safeParse({ title: 'x' }).success).toBe(false);
    expect(ZUpdateMeetingInput.safeParse({ version: 1 }).success).toBe(false);
    expect(ZUpdateMeetingInput.safeParse({ version: 1, endsAt: null }).success).toBe(true);
  });
});
