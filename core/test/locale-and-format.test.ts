import { describe, expect, it } from 'vitest';
import { errorMessage, ERROR_CODES, formatDate, formatDateTime, pickLocale } from '../src/index';

describe('locale (Vietnamese first, English second)', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi-VN,vi;q=0.9', 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'vi'],
    ['vi,en;q=0.8', 'vi'],
  ])('picks %s -> %s', (hint, expected) => {
    expect(pickLocale(hint)).toBe(expected);
  });

  it('has a Vietnamese and an English message for every error code, params filled', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage('vi', code)).not.toBe('');
      expect(errorMessage('en', code)).not.toBe('');
    }
    expect(errorMessage('vi', 'PERMISSION.DENIED', { action: 'meeting.create' })).toBe(
      'Bạn không có quyền thực hiện thao tác này (meeting.create).',
    );
  });
});

describe('dates shown in Asia/Ho_Chi_Minh as dd/MM/yyyy', () => {
  it('shows a UTC instant late in the evening as the next Vietnamese day', () => {
    expect(formatDate('2026-12-31T17:30:00.000Z')).toBe('01/01/2027');
    expect(formatDate('2026-12-31T16:59:00.000Z')).toBe('31/12/2026');
  });

  it('writes time then date in Vietnamese and date then time in English', () => {
    expect(formatDateTime('2026-12-15T01:00:00.000Z', 'vi')).toBe('08:00 ngày 15/12/2026');
    expect(formatDateTime('2026-12-15T01:00:00.000Z', 'en')).toBe('15/12/2026 08:00');
  });
});
