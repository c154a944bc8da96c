import { describe, expect, it } from 'vitest';
import { caseActions, caseKindCounts } from '../src/cases/case-actions';

describe('case actions', () => {
  const received = { status: 'received' as const, kind: 'denunciation' as const, handlerIds: [] };
  const accepted = { status: 'accepted' as const, kind: 'complaint' as const, handlerIds: ['h'] };

  it('gives the head acceptance, assignment and (not for complaints) extension', () => {
    expect(caseActions(received, ['head'], 'x')).toEqual(['accept', 'reject', 'assign']);
    expect(caseActions(accepted, ['head'], 'x')).toEqual(['assign', 'resolve']);
    expect(caseActions({ ...accepted, kind: 'denunciation' }, ['head'], 'x')).toEqual([
      'assign',
      'extend',
      'resolve',
    ]);
  });

  it('lets a handler resolve and nobody else act', () => {
    expect(caseActions(accepted, ['member'], 'h')).toEqual(['resolve']);
    expect(caseActions(accepted, ['secretary'], 'other')).toEqual([]);
    expect(caseActions({ ...accepted, status: 'resolved' }, ['head'], 'h')).toEqual([]);
  });

  it('counts every kind, zero included', () => {
    expect(caseKindCounts({ complaint: { open: 2, overdue: 1 } })).toEqual([
      { kind: 'complaint', open: 2, overdue: 1 },
      { kind: 'denunciation', open: 0, overdue: 0 },
      { kind: 'feedback', open: 0, overdue: 0 },
    ]);
  });
});
