import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TallyCounts } from '@qcdc/core';
import type { MotionView } from '../api/vote-api';
import { useI18n } from '../i18n';
import { barLabel, tallyBars } from './vote-view';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  count: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  track: {
    height: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
  },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  stage: { gap: tokens.spacingVerticalL },
  stageLine: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  stageTrack: { height: '28px' },
});

/** One bar per choice with its count; each bar names its numbers for screen readers. */
export function TallyBars(props: {
  motion: MotionView;
  tally: TallyCounts;
  size?: 'panel' | 'stage';
}) {
  const { t, tm, locale } = useI18n();
  const styles = useStyles();
  const stage = props.size === 'stage';
  const bars = tallyBars(props.motion, props.tally);
  return (
    <ul
      className={mergeClasses(styles.list, stage && styles.stage)}
      aria-label={t('vote.tally', { question: props.motion.question })}
    >
      {bars.map((bar) => (
        <li key={bar.id} className={styles.row}>
          <span className={mergeClasses(styles.line, stage && styles.stageLine)} aria-hidden>
            <span>{bar.label}</span>
            <span className={styles.count}>{bar.count}</span>
          </span>
          <div
            role="img"
            aria-label={tm(barLabel(bar, locale))}
            className={mergeClasses(styles.track, stage && styles.stageTrack)}
          >
            <div className={styles.fill} style={{ width: `${bar.percent}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
