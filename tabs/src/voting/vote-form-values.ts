import {
  ADOPTION_PRESET_NAMES,
  type AdoptionBase,
  type AdoptionPreset,
  type ElectionPurpose,
  type VoteMethod,
  type VoteMode,
} from '@qcdc/core';
import type { BodyMember } from '../api/api-types';
import type { CreateElectionBody, CreateMotionBody } from '../api/vote-api';
import type { MessageKey } from '../i18n';

/** What the create form holds: text as typed, turned into the API's input on submit. */
export interface VoteFormValues {
  question: string;
  method: VoteMethod;
  mode: VoteMode;
  countingBoard: string[];
  customChoices: boolean;
  /** One option per line (custom choices). */
  options: string;
  allowChange: boolean;
  adoption: 'template' | AdoptionPreset | 'custom';
  comparison: 'moreThan' | 'atLeast';
  numerator: string;
  denominator: string;
  base: AdoptionBase;
  householdCount: string;
  purpose: ElectionPurpose;
  seats: string;
  maxMarks: string;
  candidates: string[];
}

/** The meeting template's rule (nothing sent), a named legal rule, or the unit's own. */
export const ADOPTION_CHOICES = ['template', ...ADOPTION_PRESET_NAMES, 'custom'] as const;

const int = (text: string): number => Number.parseInt(text.trim(), 10);

export function buildAdoption(values: VoteFormValues): CreateMotionBody['adoption'] {
  const households = values.householdCount.trim() ? int(values.householdCount) : undefined;
  if (values.adoption === 'template') return undefined;
  if (values.adoption === 'custom') {
    return {
      threshold: {
        numerator: int(values.numerator),
        denominator: int(values.denominator),
        comparison: values.comparison,
      },
      base: values.base,
      ...(households !== undefined && values.base === 'allHouseholds'
        ? { householdCount: households }
        : {}),
    };
  }
  return {
    preset: values.adoption,
    ...(households !== undefined ? { householdCount: households } : {}),
  };
}

function common(values: VoteFormValues, adoption: CreateMotionBody['adoption']) {
  return {
    question: values.question.trim(),
    method: values.method,
    mode: values.mode,
    ...(values.mode === 'room' ? { countingBoard: values.countingBoard } : {}),
    ...(adoption ? { adoption } : {}),
  };
}

export function buildMotionInput(
  values: VoteFormValues,
  adoption: CreateMotionBody['adoption'],
): CreateMotionBody {
  const options = values.options
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    ...common(values, adoption),
    ...(values.customChoices
      ? { choices: options.map((label) => ({ label, role: 'option' as const })) }
      : {}),
    ...(values.method === 'open' && values.allowChange ? { allowChange: true } : {}),
  };
}

export function buildElectionInput(
  values: VoteFormValues,
  members: readonly BodyMember[],
  adoption: CreateMotionBody['adoption'],
): CreateElectionBody {
  const candidates = values.candidates.flatMap((userId) => {
    const member = members.find((m) => m.userId === userId);
    return member ? [{ name: member.displayName, userId }] : [];
  });
  return {
    ...common(values, adoption),
    purpose: values.purpose,
    seats: int(values.seats),
    ...(values.maxMarks.trim() ? { maxMarks: int(values.maxMarks) } : {}),
    candidates,
  };
}

const FIELD_KEYS: Record<string, MessageKey> = {
  question: 'vote.form.question',
  choices: 'vote.form.options',
  allowChange: 'vote.form.allowChange',
  adoption: 'vote.form.adoption',
  countingBoard: 'vote.form.countingBoard',
  seats: 'vote.form.seats',
  maxMarks: 'vote.form.maxMarks',
  candidates: 'vote.form.candidates',
};

/** The form fields a schema refused, as message keys (each once, in the form's order). */
export function invalidFieldKeys(
  issues: readonly { path: readonly PropertyKey[] }[],
): MessageKey[] {
  const keys = issues.map((issue) => FIELD_KEYS[String(issue.path[0])] ?? 'vote.form.adoption');
  return [...new Set(keys)];
}
