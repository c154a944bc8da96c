import type { Locale, QuorumCheck } from '@qcdc/core';
import { translate } from '../i18n/translate';

/**
 * The live quorum as one sentence: "Đủ số lượng: 4/5 (cần 3) — Quy chế…" or "Chưa đủ số lượng…",
 * with the rule's basis in the reader's language. A process without a quorum rule (required 0) just
 * counts who is present.
 */
export function quorumLine(quorum: QuorumCheck, locale: Locale): { met: boolean; text: string } {
  const params = {
    present: quorum.present,
    summoned: quorum.summoned,
    required: quorum.required,
    basis: quorum.basis[locale],
  };
  const key = quorum.required === 0 ? 'quorum.none' : quorum.met ? 'quorum.met' : 'quorum.notMet';
  return { met: quorum.met, text: translate(locale, key, params) };
}

/** "Of those present, 1 by delegate.", or null when nobody stands in for anyone. */
export function delegatesLine(quorum: QuorumCheck, locale: Locale): string | null {
  return quorum.delegates > 0
    ? translate(locale, 'quorum.delegates', { count: quorum.delegates })
    : null;
}
