import { describe, expect, it } from 'vitest';
import { catalogues } from '../tabs/src';

/*
 * The tab's catalogues, checked where a test project already runs (no browser needed). The types
 * already force the same keys; this also catches placeholders that drift between languages.
 */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the tab UI catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.vi).sort());
  });

  it('use the same placeholders in both languages and leave nothing empty', () => {
    for (const [key, vi] of Object.entries(catalogues.vi)) {
      const en = catalogues.en[key as keyof typeof catalogues.en];
      expect(vi.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
  });

  it('names the glossary terms with full diacritics', () => {
    expect(catalogues.vi).toMatchObject({
      'kind.steeringRegular': 'Họp Ban Chỉ đạo định kỳ',
      'kind.staffConference': 'Hội nghị cán bộ, công chức, viên chức',
      'status.minutesInReview': 'Biên bản chờ duyệt',
      'role.deputyHead': 'Phó Trưởng ban',
      'meetingRole.secretary': 'Thư ký cuộc họp',
    });
  });
});
