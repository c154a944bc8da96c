import type { VersionedDeadlineRule } from './deadline-rule-registry';
import type { CaseComplexity, CaseKind, ComplaintInstance } from './citizen-case';

const COMPLAINTS = 'Law 02/2011/QH13 on Complaints';
const DENUNCIATIONS = 'Law 25/2018/QH14 on Denunciations';
const RECEPTION = 'Law 42/2013/QH13 on Citizen Reception';
/** Law 02/2011 in force 1 Jul 2012; Law 25/2018 on 1 Jan 2019; Law 42/2013 on 1 Jul 2014. */
const COMPLAINTS_FROM = '2012-07-01';
const DENUNCIATIONS_FROM = '2019-01-01';
const RECEPTION_FROM = '2014-07-01';
/** Law 136/2025/QH15 and Decree 155/2026/ND-CP amend the complaint procedure from 1 Jul 2026. */
const AMENDMENT_2026 = '2026-07-01';

const law = (
  id: string,
  amount: number,
  unit: VersionedDeadlineRule['unit'],
  effectiveFrom: string,
  basis: string,
  more: Partial<VersionedDeadlineRule> = {},
): VersionedDeadlineRule => ({
  id,
  amount,
  unit,
  effectiveFrom,
  basis,
  configurable: false,
  confidence: 'high',
  ...more,
});

/**
 * Citizen cases' time limits (shared/RULES.md), one row per version. "ngày làm việc" counts working
 * days, a plain "ngày" calendar days (Civil Code Art. 147-148: the day of the event is not counted; a
 * calendar limit ending on a day off moves to the next working day).
 */
export const CASE_DEADLINE_RULES: readonly VersionedDeadlineRule[] = [
  // Complaints: "Thời hiệu khiếu nại là 90 ngày" from receiving or learning of the decision.
  law('complaint.filing', 90, 'calendarDays', COMPLAINTS_FROM, `${COMPLAINTS} Art. 9`),
  // Acceptance ("thụ lý") within 10 days of receipt; the guidance counts working days.
  law('complaint.acceptance', 10, 'workingDays', COMPLAINTS_FROM, `${COMPLAINTS} Art. 27`, {
    effectiveUntil: '2026-06-30',
  }),
  law(
    'complaint.acceptance',
    7,
    'workingDays',
    AMENDMENT_2026,
    'Law 136/2025/QH15 amending Law 02/2011/QH13 Art. 27; Decree 155/2026/ND-CP',
    { confidence: 'reported' },
  ),
  // First instance, from acceptance: 30 days, complex 45; remote areas 45, complex 60 (Art. 28).
  law('complaint.resolution.first', 30, 'calendarDays', COMPLAINTS_FROM, `${COMPLAINTS} Art. 28`),
  law(
    'complaint.resolution.first.complex',
    45,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 28`,
  ),
  law(
    'complaint.resolution.first.remote',
    45,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 28`,
  ),
  law(
    'complaint.resolution.first.remote.complex',
    60,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 28`,
  ),
  // Second instance: 45 days, complex 60; remote areas 60, complex 70 (Art. 37).
  law('complaint.resolution.second', 45, 'calendarDays', COMPLAINTS_FROM, `${COMPLAINTS} Art. 37`),
  law(
    'complaint.resolution.second.complex',
    60,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 37`,
  ),
  law(
    'complaint.resolution.second.remote',
    60,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 37`,
  ),
  law(
    'complaint.resolution.second.remote.complex',
    70,
    'calendarDays',
    COMPLAINTS_FROM,
    `${COMPLAINTS} Art. 37`,
  ),
  // Denunciations: initial processing (record, verify, decide to accept) in 7 working days.
  law('denunciation.acceptance', 7, 'workingDays', DENUNCIATIONS_FROM, `${DENUNCIATIONS} Art. 24`),
  // Resolution: at most 30 days from acceptance, whatever the complexity (extensions below).
  law(
    'denunciation.resolution',
    30,
    'calendarDays',
    DENUNCIATIONS_FROM,
    `${DENUNCIATIONS} Art. 30`,
  ),
  law(
    'denunciation.resolution.complex',
    30,
    'calendarDays',
    DENUNCIATIONS_FROM,
    `${DENUNCIATIONS} Art. 30`,
  ),
  law(
    'denunciation.resolution.especiallyComplex',
    30,
    'calendarDays',
    DENUNCIATIONS_FROM,
    `${DENUNCIATIONS} Art. 30`,
  ),
  // Feedback and petitions: tell the citizen how the matter is handled within 10 working days.
  law('feedback.acceptance', 10, 'workingDays', RECEPTION_FROM, `${RECEPTION} Art. 28`, {
    configurable: true,
    confidence: 'unitDefault',
  }),
  // The law sets no time to settle feedback: the unit's, by default 30 days like Front recommendations.
  law(
    'feedback.resolution',
    30,
    'calendarDays',
    RECEPTION_FROM,
    `${RECEPTION} (no time limit set)`,
    {
      configurable: true,
      confidence: 'unitDefault',
    },
  ),
];

/**
 * Extensions of a resolution deadline. Denunciations (Art. 30(1)): complex cases once, especially
 * complex ones twice, each at most 30 days, each decided and notified. Complaints have none: the
 * longer "complex" limit of Art. 28 / 37 applies from acceptance instead.
 */
export interface ExtensionRule {
  readonly kind: CaseKind;
  readonly effectiveFrom: string;
  readonly perExtension: { readonly amount: number; readonly unit: 'calendarDays' };
  readonly maxExtensions: Readonly<Record<CaseComplexity, number>>;
  readonly basis: string;
}

export const CASE_EXTENSION_RULES: readonly ExtensionRule[] = [
  {
    kind: 'denunciation',
    effectiveFrom: DENUNCIATIONS_FROM,
    perExtension: { amount: 30, unit: 'calendarDays' },
    maxExtensions: { normal: 0, complex: 1, especiallyComplex: 2 },
    basis: `${DENUNCIATIONS} Art. 30(1)`,
  },
  {
    kind: 'complaint',
    effectiveFrom: COMPLAINTS_FROM,
    perExtension: { amount: 0, unit: 'calendarDays' },
    maxExtensions: { normal: 0, complex: 0, especiallyComplex: 0 },
    basis: `${COMPLAINTS} Art. 28, 37 (no extension; the complex limit applies)`,
  },
  {
    kind: 'feedback',
    effectiveFrom: RECEPTION_FROM,
    perExtension: { amount: 0, unit: 'calendarDays' },
    maxExtensions: { normal: 0, complex: 0, especiallyComplex: 0 },
    basis: `${RECEPTION} (no extension)`,
  },
];

/** The rule id for the first decision: complaints and denunciations "thụ lý", feedback an answer. */
export function acceptanceRuleId(kind: CaseKind): string {
  return `${kind}.acceptance`;
}

/**
 * The rule id for resolving a case. Combinations the law does not know (an "especially complex"
 * complaint, a second-instance denunciation) name a rule that does not exist, so resolving it
 * answers DEADLINE.RULE_NOT_FOUND rather than guessing.
 */
export function resolutionRuleId(
  kind: CaseKind,
  options: {
    instance?: ComplaintInstance | undefined;
    complexity: CaseComplexity;
    remote: boolean;
  },
): string {
  const complexity = options.complexity === 'normal' ? '' : `.${options.complexity}`;
  const second = options.instance === 'second' ? '.second' : '';
  switch (kind) {
    case 'complaint': {
      const remote = options.remote ? '.remote' : '';
      return `complaint.resolution.${options.instance ?? 'first'}${remote}${complexity}`;
    }
    // Law 25/2018 has no remote-area limit: 30 days everywhere.
    case 'denunciation':
      return `denunciation.resolution${second}${complexity}`;
    // Feedback has one (configurable) limit whatever its complexity.
    case 'feedback':
      return `feedback.resolution${second}`;
    default: {
      const unknown: never = kind;
      throw new RangeError(`Unknown case kind ${String(unknown)}`);
    }
  }
}

export function extensionRuleFor(kind: CaseKind, receivedOn: string): ExtensionRule | undefined {
  return CASE_EXTENSION_RULES.filter((r) => r.kind === kind && r.effectiveFrom <= receivedOn).sort(
    (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom),
  )[0];
}
