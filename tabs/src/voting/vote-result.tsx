import { Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MotionView } from '../api/vote-api';
import { useI18n } from '../i18n';
import { TallyBars } from './tally-bars';
import { electionStandings, outcomeKey, outcomeReason, shownTally } from './vote-view';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  outcome: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightBold,
  },
  stageOutcome: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900 },
  stageText: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
});

/** The announced result (or a room vote's entered tally): outcome, reason, bars, ranked list. */
export function VoteResult(props: { motion: MotionView; size?: 'panel' | 'stage' }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { motion } = props;
  const stage = props.size === 'stage';
  const tally = shownTally(motion);
  const outcome = outcomeKey(motion);
  const reason = outcomeReason(motion, locale);
  const { standings, runoff } = electionStandings(motion);
  const text = mergeClasses(stage && styles.stageText);
  return (
    <div className={styles.result}>
      {outcome && (
        <p className={mergeClasses(styles.outcome, stage && styles.stageOutcome)}>{t(outcome)}</p>
      )}
      {reason && <Body1 className={text}>{reason}</Body1>}
      {tally && <TallyBars motion={motion} tally={tally} size={props.size ?? 'panel'} />}
      {tally && motion.kind === 'election' && (
        <Caption1 className={text}>
          {t('vote.ballots', {
            cast: tally.ballotsCast,
            blank: tally.blank,
            invalid: tally.invalid,
          })}
        </Caption1>
      )}
      {standings.length > 0 && (
        <>
          <Body1 className={text}>{t('vote.standings')}</Body1>
          <ol className={mergeClasses(styles.list, text)} aria-label={t('vote.standings')}>
            {standings.map((s) => (
              <li key={`${s.rank}-${s.label}`}>
                {t('vote.standing', {
                  rank: s.rank,
                  label: s.label,
                  votes: s.votes,
                  status: t(`vote.standing.${s.status}`),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
      {runoff && (
        <Body1 className={text}>
          {t('vote.runoff', { names: runoff.labels.join(', '), seats: runoff.seats })}
        </Body1>
      )}
    </div>
  );
}
