import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** Keeps <html lang> in step with the UI language (screen readers pick their voice from it). */
export function LangAttribute() {
  const { locale, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.name');
  }, [locale, t]);
  return null;
}
