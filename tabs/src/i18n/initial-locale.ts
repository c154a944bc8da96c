import { LOCALES, pickLocale, type Locale } from '@qcdc/core';
import { readLocal, writeLocal } from '../storage/browser-storage';

const STORAGE_KEY = 'qcdc.locale';

/**
 * Vietnamese unless asked otherwise: a choice made with the header switch wins, then the Teams
 * locale, then the browser's language list (whichever of vi/en it names first).
 */
export function initialLocale(teamsLocale: string | undefined): Locale {
  const stored = readLocal(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  if (teamsLocale) return pickLocale(teamsLocale);
  return pickLocale(navigator.languages.join(','));
}

export function rememberLocale(locale: Locale): void {
  writeLocal(STORAGE_KEY, locale);
}
