import { describe, expect, it } from 'vitest';
import { consultationActions, recommendationActions } from '../src/front/consultation-actions';
import { frontPaths, parseFrontRoute } from '../src/front/front-routes';
import { parseRoute } from '../src/routing/routes';
import { graphHintKey } from '../src/roster/graph-errors';

const head = { side: 'agency' as const, roles: ['head' as const], userId: 'u-head' };
const secretary = { side: 'agency' as const, roles: ['secretary' as const], userId: 'u-sec' };
const member = { side: 'agency' as const, roles: ['member' as const], userId: 'u-member' };
const frontSide = { side: 'front' as const, roles: ['head' as const], userId: 'u-front' };

describe('consultation actions follow core lifecycle and permissions', () => {
  it('offers send on a draft, recommendations and close once sent', () => {
    expect(consultationActions({ status: 'draft' }, secretary)).toEqual(['send']);
    expect(consultationActions({ status: 'sent' }, secretary)).toEqual(['addRecommendation']);
    expect(consultationActions({ status: 'sent' }, head)).toEqual(['addRecommendation', 'close']);
    expect(consultationActions({ status: 'closed' }, head)).toEqual([]);
    expect(consultationActions({ status: 'sent' }, member)).toEqual([]);
    expect(consultationActions({ status: 'sent' }, frontSide)).toEqual([]);
  });

  it('lets the owner draft, the leadership assign and the head judge', () => {
    const sent = { status: 'sent' as const };
    expect(recommendationActions({ status: 'received' }, sent, secretary)).toEqual(['assign']);
    const assigned = { status: 'assigned' as const, ownerId: 'u-member' };
    expect(recommendationActions(assigned, sent, member)).toEqual(['draftResponse']);
    expect(recommendationActions(assigned, sent, head)).toEqual(['assign']);
    const drafted = { status: 'responseDrafted' as const, ownerId: 'u-member' };
    expect(recommendationActions(drafted, sent, head)).toEqual([
      'approveResponse',
      'returnResponse',
    ]);
    expect(recommendationActions(drafted, sent, member)).toEqual(['draftResponse']);
    expect(recommendationActions({ status: 'responded' }, sent, head)).toEqual([]);
    expect(recommendationActions(assigned, { status: 'closed' }, member)).toEqual([]);
    expect(recommendationActions(drafted, sent, frontSide)).toEqual([]);
  });
});

describe('front routes', () => {
  it('round-trips every page through the shared parser', () => {
    const cases: [string, unknown][] = [
      [frontPaths.consultations('b 1'), { name: 'front', page: 'consultations', bodyId: 'b 1' }],
      [
        frontPaths.consultation('b', 'c-1'),
        { name: 'front', page: 'consultation', bodyId: 'b', id: 'c-1' },
      ],
      [frontPaths.cases('b'), { name: 'front', page: 'cases', bodyId: 'b' }],
      [frontPaths.case('b', 'k'), { name: 'front', page: 'case', bodyId: 'b', id: 'k' }],
      [frontPaths.disclosures('b'), { name: 'front', page: 'disclosures', bodyId: 'b' }],
    ];
    for (const [path, route] of cases) expect(parseRoute(path, '')).toEqual(route);
  });

  it('leaves other paths alone', () => {
    expect(parseFrontRoute(['bodies', 'b', 'assignments', 'a'])).toBeNull();
    expect(parseFrontRoute(['bodies', 'b', 'disclosures', 'x'])).toBeNull();
    expect(parseRoute('/bodies/b/assignments/a', '')).toEqual({
      name: 'assignment',
      bodyId: 'b',
      assignmentId: 'a',
    });
  });
});

describe('graph error hints', () => {
  it('says what to do for consent and permission refusals', () => {
    expect(graphHintKey('GRAPH.CONSENT_REQUIRED')).toBe('graph.consentRequired');
    expect(graphHintKey('GRAPH.PERMISSION_DENIED')).toBe('graph.permissionDenied');
    expect(graphHintKey('ATTENDANCE.REPORT_NOT_FOUND')).toBe('graph.reportNotFound');
    expect(graphHintKey('PERMISSION.DENIED')).toBeNull();
    expect(graphHintKey(undefined)).toBeNull();
  });
});
