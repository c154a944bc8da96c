import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { voteApi, type MotionView } from '../api/vote-api';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n';
import { VoteResult } from './vote-result';
import { stageVote } from './vote-view';

/** The stage reads the votes again this often: a vote opened or closed shows within seconds. */
const STAGE_POLL_MS = 3000;

const useStyles = makeStyles({
  vote: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { margin: 0, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground2 },
  question: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightBold,
    overflowWrap: 'anywhere',
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
});

/**
 * On the meeting stage: the vote open now, or the one just announced, with its question and its
 * tally in large type. Nothing when there is none.
 */
export function StageVote(props: { bodyId: string; meetingId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const votes = useMemo(() => voteApi(api), [api]);
  const [motions, setMotions] = useState<MotionView[]>([]);
  const { bodyId, meetingId } = props;

  useEffect(() => {
    let live = true;
    const load = () =>
      votes.list(bodyId, meetingId).then(
        (fresh) => live && setMotions(fresh),
        () => undefined, // the stage keeps what it showed; the next poll tries again
      );
    void load();
    const timer = window.setInterval(() => void load(), STAGE_POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [votes, bodyId, meetingId]);

  const motion = stageVote(motions, Date.now());
  if (!motion) return null;
  const open = motion.status !== 'closed';
  return (
    <section
      className={styles.vote}
      aria-live="polite"
      aria-label={t(open ? 'stage.voteOpen' : 'stage.voteClosed')}
    >
      <p className={styles.label}>
        {t(open ? 'stage.voteOpen' : 'stage.voteClosed')} · {t(`vote.method.${motion.method}`)}
      </p>
      <h2 className={styles.question}>{motion.question}</h2>
      {open && motion.mode === 'electronic' && (
        <p className={styles.note}>{t('vote.resultsLater')}</p>
      )}
      <VoteResult motion={motion} size="stage" />
    </section>
  );
}
