import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuorumCheck } from '@qcdc/core';
import { useI18n } from '../i18n';
import { delegatesLine, quorumLine } from './quorum-line';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid`,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  met: {
    color: tokens.colorPaletteGreenForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  notMet: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  detail: { fontWeight: tokens.fontWeightRegular },
});

/** The live quorum: green when met, red when not; the words say it too, for every theme. */
export function QuorumStatus(props: { quorum: QuorumCheck; className?: string }) {
  const { locale } = useI18n();
  const styles = useStyles();
  const line = quorumLine(props.quorum, locale);
  const delegates = delegatesLine(props.quorum, locale);
  return (
    <div
      role="status"
      className={mergeClasses(styles.line, line.met ? styles.met : styles.notMet, props.className)}
    >
      <span>{line.text}</span>
      {delegates && <span className={styles.detail}>{delegates}</span>}
    </div>
  );
}
