export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Vietnamese first: anything that does not clearly ask for English gets Vietnamese. */
export function pickLocale(hint: string | null | undefined): Locale {
  if (!hint) return 'vi';
  const tags = hint
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean);
  for (const tag of tags) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
