import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { LOCALES, type Locale } from '@qcdc/core';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS },
});

const SHORT: Record<Locale, string> = { vi: 'VI', en: 'EN' };

/** VI | EN in the header; the choice is remembered for the next visit. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t('header.language')} className={styles.group}>
      {LOCALES.map((option) => (
        <ToggleButton
          key={option}
          size="small"
          appearance={option === locale ? 'primary' : 'subtle'}
          checked={option === locale}
          // The visible "VI"/"EN" starts the name, so speech users can say what they see (WCAG 2.5.3).
          aria-label={`${SHORT[option]} (${t(`language.${option}`)})`}
          title={t(`language.${option}`)}
          lang={option}
          onClick={() => setLocale(option)}
        >
          {SHORT[option]}
        </ToggleButton>
      ))}
    </div>
  );
}
