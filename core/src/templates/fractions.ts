/**
 * Thresholds as exact fractions, compared with integers only (no floating point at a legal edge:
 * 2/3 of 30 is exactly 20, and 20 present must meet "at least 2/3").
 */
export interface Threshold {
  numerator: number;
  denominator: number;
  /** 'atLeast' = ≥ (e.g. "ít nhất 2/3"), 'moreThan' = > (e.g. "quá 1/2", "trên 50%"). */
  comparison: 'atLeast' | 'moreThan';
}

export function meetsThreshold(count: number, base: number, threshold: Threshold): boolean {
  const left = count * threshold.denominator;
  const right = base * threshold.numerator;
  return threshold.comparison === 'atLeast' ? left >= right : left > right;
}

/** The smallest count that meets the threshold over `base` (what the UI shows as "cần …"). */
export function minimumToMeet(base: number, threshold: Threshold): number {
  const exact = (base * threshold.numerator) / threshold.denominator;
  const floor = Math.floor((base * threshold.numerator) / threshold.denominator);
  if (threshold.comparison === 'atLeast') return Number.isInteger(exact) ? exact : floor + 1;
  return floor + 1;
}

export function describeThreshold(threshold: Threshold, locale: 'vi' | 'en'): string {
  const fraction =
    threshold.numerator * 2 === threshold.denominator
      ? locale === 'vi'
        ? '50%'
        : '50%'
      : `${threshold.numerator}/${threshold.denominator}`;
  if (locale === 'vi')
    return `${threshold.comparison === 'atLeast' ? 'ít nhất' : 'trên'} ${fraction}`;
  return `${threshold.comparison === 'atLeast' ? 'at least' : 'more than'} ${fraction}`;
}
