import type { Locale } from '@qcdc/core';
import { useEffect, useRef, type RefObject } from 'react';
import { useI18n } from './i18n-context';

/** The current language for code outside React's render (the API client's Accept-Language). */
export function useLocaleRef(): RefObject<Locale> {
  const { locale } = useI18n();
  const ref = useRef<Locale>(locale);
  useEffect(() => {
    ref.current = locale;
  }, [locale]);
  return ref;
}
