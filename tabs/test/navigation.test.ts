import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../src/api/content-disposition';
import { parseRoute, paths } from '../src/routing/routes';
import { blobDownloadsWork, meetingSurfacePath } from '../src/teams/meeting-surface';
import { meetingAt } from './fixtures';

describe('panel and stage routes', () => {
  it('parses what paths builds', () => {
    expect(parseRoute(paths.meetingPanel('bcd', 'm-1'), '')).toEqual({
      name: 'meetingPanel',
      bodyId: 'bcd',
      meetingId: 'm-1',
    });
    const stage = new URL(paths.meetingStage('bcd', 'm-1', 'a 2'), 'http://x');
    expect(parseRoute(stage.pathname, stage.search)).toEqual({
      name: 'meetingStage',
      bodyId: 'bcd',
      meetingId: 'm-1',
      itemId: 'a 2',
    });
    expect(parseRoute('/meetings/bcd/m-1/stage', '')).toMatchObject({ itemId: null });
  });

  it('parses the assignment page', () => {
    expect(parseRoute(paths.assignment('bcd', 'a 1'), '')).toEqual({
      name: 'assignment',
      bodyId: 'bcd',
      assignmentId: 'a 1',
    });
    expect(parseRoute('/bodies/bcd/assignments', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/bodies/bcd/meetings/x', '')).toEqual({ name: 'notFound' });
  });
});

describe('inside a Teams meeting', () => {
  const live = { ...meetingAt('inProgress'), id: 'live' };
  const later = { ...meetingAt('scheduled'), id: 'later' };

  it('opens the body meeting in progress in the side panel or on the stage', () => {
    expect(meetingSurfacePath('sidePanel', [later, live])).toBe('/meetings/bcd/live/panel');
    expect(meetingSurfacePath('meetingStage', [later, live])).toBe('/meetings/bcd/live/stage');
    expect(meetingSurfacePath('sidePanel', [later])).toBeNull();
    expect(meetingSurfacePath('content', [live])).toBeNull();
    expect(meetingSurfacePath(undefined, [live])).toBeNull();
  });

  it('saves files from a Blob everywhere but Teams on phones and tablets', () => {
    expect(blobDownloadsWork({ kind: 'browser' })).toBe(true);
    expect(blobDownloadsWork({ kind: 'teams', clientType: 'desktop' })).toBe(true);
    expect(blobDownloadsWork({ kind: 'teams', clientType: 'web' })).toBe(true);
    expect(blobDownloadsWork({ kind: 'teams', clientType: 'android' })).toBe(false);
    expect(blobDownloadsWork({ kind: 'teams', clientType: 'ios' })).toBe(false);
  });
});

describe('downloaded file names', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="bien-ban-2026-12-15-v1.docx"; filename*=UTF-8''bi%C3%AAn-b%E1%BA%A3n.docx`,
        'x.docx',
      ),
    ).toBe('biên-bản.docx');
    expect(fileNameFromDisposition('attachment; filename="bien-ban.docx"', 'x.docx')).toBe(
      'bien-ban.docx',
    );
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.docx')).toBe(
      'x.docx',
    );
    expect(fileNameFromDisposition('attachment; filename="../../etc.docx"', 'x.docx')).toBe(
      '.._.._etc.docx',
    );
    expect(fileNameFromDisposition(null, 'x.docx')).toBe('x.docx');
  });
});
