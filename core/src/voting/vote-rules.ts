import { DomainError } from '../errors/domain-error';
import type { Threshold } from '../templates/fractions';
import type { AdoptionRule } from '../templates/process-templates';
import type { ElectionPurpose, VoteAdoptionRule } from './motion';

const MORE_THAN_HALF: Threshold = { numerator: 1, denominator: 2, comparison: 'moreThan' };
const AT_LEAST_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, comparison: 'atLeast' };

/** Adoption rules the law fixes, by name (shared/RULES.md). */
export const ADOPTION_PRESETS = {
  /** Law 10/2022 Art. 51(2)(c): resolutions of the staff conference pass with > 50% of attendees. */
  staffConference: {
    threshold: MORE_THAN_HALF,
    base: 'attendees',
    basis: {
      vi: 'Điều 51 khoản 2 điểm c Luật Thực hiện dân chủ ở cơ sở 2022: trên 50% người dự tán thành',
      en: 'Law 10/2022/QH15 Art. 51(2)(c): more than 50% of attendees',
    },
  },
  /** Decree 59/2023 Art. 21: the People's Inspection Board is elected by the Art. 51 rule. */
  peoplesInspectionBoard: {
    threshold: MORE_THAN_HALF,
    base: 'attendees',
    basis: {
      vi: 'Điều 21 Nghị định 59/2023/NĐ-CP: trúng cử khi được trên 50% người dự bầu',
      en: 'Decree 59/2023 Art. 21: elected with more than 50% of attendees',
    },
  },
  /** Law 10/2022 Art. 21(1): contributions and community funds need ≥ 2/3 of ALL households. */
  communityContribution: {
    threshold: AT_LEAST_TWO_THIRDS,
    base: 'allHouseholds',
    basis: {
      vi: 'Điều 21 khoản 1 Luật Thực hiện dân chủ ở cơ sở 2022: ít nhất 2/3 tổng số chủ hộ tán thành',
      en: 'Law 10/2022/QH15 Art. 21(1): at least 2/3 of all household representatives',
    },
  },
  /** Law 10/2022 Art. 21(1): community codes, village head and other self-management: > 50% of ALL. */
  communitySelfManagement: {
    threshold: MORE_THAN_HALF,
    base: 'allHouseholds',
    basis: {
      vi: 'Điều 21 khoản 1 Luật Thực hiện dân chủ ở cơ sở 2022: trên 50% tổng số chủ hộ tán thành',
      en: 'Law 10/2022/QH15 Art. 21(1): more than 50% of all household representatives',
    },
  },
} as const satisfies Record<string, Omit<VoteAdoptionRule, 'householdCount'>>;

export type AdoptionPreset = keyof typeof ADOPTION_PRESETS;
export const ADOPTION_PRESET_NAMES = Object.keys(ADOPTION_PRESETS) as AdoptionPreset[];

/** Seats an election may fill. */
export const ELECTION_SEAT_RULES: Record<
  ElectionPurpose,
  { min: number; max: number; basis: { vi: string; en: string } }
> = {
  general: {
    min: 1,
    max: 30,
    basis: { vi: 'theo cấu hình của đơn vị', en: 'unit setting' },
  },
  /** Law 10/2022 Art. 60: the board has 3 to 9 members. */
  peoplesInspectionBoard: {
    min: 3,
    max: 9,
    basis: {
      vi: 'Điều 60 Luật Thực hiện dân chủ ở cơ sở 2022: Ban Thanh tra nhân dân có từ 3 đến 9 thành viên',
      en: "Law 10/2022/QH15 Art. 60: the People's Inspection Board has 3 to 9 members",
    },
  },
};

export function assertSeatsAllowed(purpose: ElectionPurpose, seats: number): void {
  const rule = ELECTION_SEAT_RULES[purpose];
  if (seats < rule.min || seats > rule.max) {
    throw new DomainError('ELECTION.SEATS_OUT_OF_RANGE', {
      seats,
      min: rule.min,
      max: rule.max,
      basis: rule.basis.vi,
    });
  }
}

/** The template's adoption rule (process-templates.ts) as a vote rule. */
export function fromTemplateAdoption(rule: AdoptionRule): VoteAdoptionRule {
  return { threshold: rule.threshold, base: rule.base, basis: rule.basis };
}

export function presetRule(preset: AdoptionPreset, householdCount?: number): VoteAdoptionRule {
  const rule: VoteAdoptionRule = { ...ADOPTION_PRESETS[preset] };
  if (rule.base === 'allHouseholds') {
    if (!householdCount) throw new DomainError('VOTE.HOUSEHOLD_COUNT_REQUIRED');
    rule.householdCount = householdCount;
  }
  return rule;
}

/** Law 10/2022 Art. 60: the head, deputy heads and chief accountant may not sit on the board. */
export const PIB_INELIGIBLE_BASIS = {
  vi: 'Điều 60 Luật Thực hiện dân chủ ở cơ sở 2022: người đứng đầu, cấp phó của người đứng đầu và kế toán trưởng không được tham gia Ban Thanh tra nhân dân',
  en: "Law 10/2022/QH15 Art. 60: the head, deputy heads and chief accountant may not sit on the People's Inspection Board",
};
