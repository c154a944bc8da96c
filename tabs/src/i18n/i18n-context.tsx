import type { Locale } from '@qcdc/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { rememberLocale } from './initial-locale';
import { translate, type Message, type MessageKey, type MessageParams } from './translate';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Words for a stored message (e.g. a field error kept in form state). */
  tm: (message: Message) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { initial: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(props.initial);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      tm: (message) => translate(locale, message.key, message.params),
      setLocale,
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
