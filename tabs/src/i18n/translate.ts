import type { Locale } from '@qcdc/core';
import { en } from './en';
import { vi, type Catalogue, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type MessageParams = Record<string, string | number>;

/** A message not yet in words: forms keep these so an error re-renders when the language changes. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const catalogues: Record<Locale, Catalogue> = { vi, en };

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
