import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BodyDetail, MeetingView } from '../api/api-types';
import { isApiError } from '../api/api-error';
import {
  voteApi,
  type MotionView,
  type MyBallotView,
  type TurnoutView,
  type VoteApi,
} from '../api/vote-api';
import { meetingRolesOf } from '../app/permissions';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { CreateVoteForm } from './create-vote-form';
import { VoteResult } from './vote-result';
import {
  ballotSummary,
  canManageVotes,
  ineligibleReason,
  STATUS_KEYS,
  voteControls,
} from './vote-view';

/** While the meeting runs, the list is read again this often (votes open and close meanwhile). */
export const VOTE_POLL_MS = 3000;

/** How often an open vote's turnout is read again while the panel shows it. */
const TURNOUT_REFRESH_MS = 10_000;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  question: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** The meeting's motions and elections in the side panel ("Biểu quyết"). */
export function VotesCard(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const votes = useMemo(() => voteApi(api), [api]);
  const { body, meeting, userId } = props;
  const [motions, setMotions] = useState<MotionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState<'motion' | 'election' | null>(null);
  /** The vote just drafted here: a hint to open it shows until it leaves draft. */
  const [drafted, setDrafted] = useState<string | null>(null);
  const roles = { bodyRoles: body.myRoles, meetingRoles: meetingRolesOf(meeting, userId) };
  const mayManage = canManageVotes(roles);

  /** Answers may cross: a motion never goes back to an older version. */
  const accept = useCallback((next: MotionView) => {
    setMotions((current) => {
      const list = current ?? [];
      const found = list.some((m) => m.id === next.id);
      if (!found) return [...list, next];
      return list.map((m) => (m.id === next.id && next.version >= m.version ? next : m));
    });
  }, []);

  const load = useCallback(async () => {
    try {
      const fresh = await votes.list(meeting.bodyId, meeting.id);
      setMotions(fresh);
      setError(null);
    } catch (cause) {
      setError(cause);
    }
  }, [votes, meeting.bodyId, meeting.id]);

  const draftedMotion = motions?.find((m) => m.id === drafted && m.status === 'draft');

  const live = meeting.status === 'inProgress';
  useEffect(() => {
    void load();
    if (!live) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void load();
    }, VOTE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, live]);

  return (
    <SectionCard
      title={t('vote.title')}
      dense
      actions={
        <Button size="small" appearance="subtle" onClick={() => void load()}>
          {t('vote.refresh')}
        </Button>
      }
    >
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
      {motions === null ? (
        error === null && <Spinner size="tiny" label={t('common.loading')} />
      ) : motions.length === 0 ? (
        <Body1>{t('vote.empty')}</Body1>
      ) : (
        <ul className={styles.list}>
          {motions.map((motion) => (
            <VoteItem
              key={motion.id}
              motion={motion}
              body={body}
              meeting={meeting}
              userId={userId}
              votes={votes}
              onMotion={accept}
            />
          ))}
        </ul>
      )}
      {draftedMotion && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('vote.created', { question: draftedMotion.question })}</MessageBarBody>
        </MessageBar>
      )}
      {mayManage && creating === null && (
        <div className={styles.buttons}>
          <Button onClick={() => setCreating('motion')}>{t('vote.new.motion')}</Button>
          <Button onClick={() => setCreating('election')}>{t('vote.new.election')}</Button>
        </div>
      )}
      {mayManage && creating !== null && (
        <CreateVoteForm
          kind={creating}
          body={body}
          meeting={meeting}
          votes={votes}
          onCancel={() => setCreating(null)}
          onCreated={(motion) => {
            accept(motion);
            setCreating(null);
            setDrafted(motion.id);
          }}
        />
      )}
    </SectionCard>
  );
}

function VoteItem(props: {
  motion: MotionView;
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  votes: VoteApi;
  onMotion: (motion: MotionView) => void;
}) {
  const i18n = useI18n();
  const { t, tm, locale } = i18n;
  const styles = useStyles();
  const { motion, body, meeting, userId, votes, onMotion } = props;
  const roles = { bodyRoles: body.myRoles, meetingRoles: meetingRolesOf(meeting, userId) };
  const controls = voteControls(motion, roles, userId);
  const [ballot, setBallot] = useState<MyBallotView | null>(null);
  const [turnout, setTurnout] = useState<TurnoutView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The caller's own ballot, read again whenever the vote changes state.
  const wantsBallot =
    motion.mode === 'electronic' && (motion.status === 'open' || motion.status === 'closed');
  // While the vote is open the same read brings the turnout, read again now and then: ballots come in
  // from other people (the tab, the chat card) without this panel being told.
  const live = motion.mode === 'electronic' && motion.status === 'open';
  useEffect(() => {
    if (!wantsBallot) return;
    let current = true;
    const read = () =>
      votes.get(motion.kind, motion.bodyId, motion.meetingId, motion.id).then(
        (answer) => {
          if (!current) return;
          setBallot(answer.myBallot);
          setTurnout(answer.turnout ?? null);
        },
        () => undefined,
      );
    void read();
    const timer = live ? setInterval(() => void read(), TURNOUT_REFRESH_MS) : undefined;
    return () => {
      current = false;
      if (timer) clearInterval(timer);
    };
    // motion.status is a dependency on purpose: opening and closing change the ballot's state.
  }, [
    motion.kind,
    motion.bodyId,
    motion.meetingId,
    motion.id,
    motion.status,
    wantsBallot,
    live,
    votes,
    ballot?.status,
  ]);

  const act = async (run: () => Promise<MotionView>) => {
    setBusy(true);
    setError(null);
    try {
      onMotion(await run());
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const summary = ballotSummary(motion, ballot);
  const notEligible =
    motion.mode === 'electronic' && motion.status === 'open' && ballot !== null && !ballot.eligible;
  const basis = motion.adoption.basis[locale];
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <Badge appearance="tint" shape="rounded" className={styles.badge}>
          {t(`vote.kind.${motion.kind}`)}
        </Badge>
        <Badge
          appearance="tint"
          shape="rounded"
          color={motion.status === 'open' ? 'success' : 'informative'}
          className={styles.badge}
        >
          {t(STATUS_KEYS[motion.status])}
        </Badge>
      </div>
      <Body1Strong className={styles.question}>{motion.question}</Body1Strong>
      <Caption1 className={styles.muted}>
        {t(`vote.method.${motion.method}`)}
        {motion.mode === 'room' ? ` · ${t('vote.mode.room')}` : ''}
      </Caption1>
      <Caption1 className={styles.muted}>{t('vote.rule', { basis })}</Caption1>
      {motion.electorate && (
        <Caption1 className={styles.muted}>
          {t('vote.electorate', {
            eligible: motion.electorate.eligible,
            present: motion.electorate.present,
            summoned: motion.electorate.summoned,
          })}
        </Caption1>
      )}
      {live && turnout && (
        <Caption1 className={styles.muted}>
          {t('vote.turnout', { voted: turnout.voted, eligible: turnout.eligible })}
        </Caption1>
      )}
      {live && <Caption1 className={styles.muted}>{t('vote.resultsLater')}</Caption1>}
      {motion.status === 'open' && motion.mode === 'room' && !motion.roomTally && (
        <Caption1 className={styles.muted}>{t('vote.room.awaiting')}</Caption1>
      )}
      {motion.roomTally && motion.status !== 'closed' && (
        <Caption1 className={styles.muted}>
          {t('vote.room.entered', {
            version: motion.roomTally.version,
            name: motion.roomTally.enteredBy.displayName,
            names: motion.roomTally.confirmations.map((c) => c.displayName).join(', '),
          })}
        </Caption1>
      )}
      {(motion.result || motion.roomTally) && <VoteResult motion={motion} />}
      {motion.result?.turnout && (
        <Caption1 className={styles.muted}>
          {t('vote.turnout', {
            voted: motion.result.turnout.voted,
            eligible: motion.result.electorate.eligible,
          })}
        </Caption1>
      )}
      {summary && (
        <MessageBar intent="success">
          <MessageBarBody>{tm(summary)}</MessageBarBody>
        </MessageBar>
      )}
      {notEligible && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(ineligibleReason(motion, body.myRoles))}</MessageBarBody>
        </MessageBar>
      )}
      {controls.cast && ballot?.eligible && ballot.status === 'notVoted' && (
        <BallotForm motion={motion} votes={votes} onCast={setBallot} />
      )}
      {controls.enterTally && <RoomTallyForm motion={motion} votes={votes} onMotion={onMotion} />}
      {(controls.open || controls.close || controls.confirmTally) && (
        <div
          className={styles.buttons}
          role="group"
          aria-label={t('vote.actions', { question: motion.question })}
        >
          {controls.open && (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void act(() => votes.open(motion))}
            >
              {t('vote.open')}
            </Button>
          )}
          {controls.confirmTally && motion.roomTally && (
            <Button
              disabled={busy}
              onClick={() =>
                void act(() =>
                  votes.confirmRoomTally(motion, {
                    tallyVersion: motion.roomTally?.version ?? 1,
                  }),
                )
              }
            >
              {t('vote.room.confirm', { version: motion.roomTally.version })}
            </Button>
          )}
          {controls.close && (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void act(() => votes.close(motion))}
            >
              {t('vote.close')}
            </Button>
          )}
        </div>
      )}
      {busy && <Spinner size="tiny" />}
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

/**
 * The ballot: one choice (radio) for a motion, up to maxMarks names (checkboxes) for an election.
 * Its submissionId is made once, when the form appears, and resent unchanged by every retry.
 */
function BallotForm(props: {
  motion: MotionView;
  votes: VoteApi;
  onCast: (ballot: MyBallotView) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { motion, votes } = props;
  const submissionId = useRef<string>(crypto.randomUUID());
  const [choice, setChoice] = useState('');
  const [marks, setMarks] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const election = motion.kind === 'election';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = election
        ? { submissionId: submissionId.current, marks }
        : { submissionId: submissionId.current, choice };
      props.onCast(await votes.cast(motion, input));
    } catch (cause) {
      // Already cast (another tab, or a retry after a lost answer): show what is stored.
      if (isApiError(cause) && cause.code === 'VOTE.ALREADY_CAST') {
        const fresh = await votes
          .get(motion.kind, motion.bodyId, motion.meetingId, motion.id)
          .catch(() => null);
        if (fresh) {
          props.onCast(fresh.myBallot);
          return;
        }
      }
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {motion.method === 'secret' && (
        <Caption1 className={styles.muted}>{t('vote.secretNote')}</Caption1>
      )}
      {election ? (
        <Field label={t('vote.chooseUpTo', { n: motion.maxMarks })}>
          <div role="group" aria-label={t('vote.chooseUpTo', { n: motion.maxMarks })}>
            {motion.choices.map((c) => {
              const checked = marks.includes(c.id);
              return (
                <Checkbox
                  key={c.id}
                  label={c.label}
                  checked={checked}
                  disabled={!checked && marks.length >= motion.maxMarks}
                  onChange={(_, data) =>
                    setMarks((current) =>
                      data.checked ? [...current, c.id] : current.filter((id) => id !== c.id),
                    )
                  }
                />
              );
            })}
          </div>
        </Field>
      ) : (
        <Field label={t('vote.choose')}>
          <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value)}>
            {motion.choices.map((c) => (
              <Radio key={c.id} value={c.id} label={c.label} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy || (!election && !choice)}>
          {busy ? t('vote.casting') : t('vote.cast')}
        </Button>
      </div>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

/** The counting board's entry of a show of hands or paper ballots (each entry a new version). */
function RoomTallyForm(props: {
  motion: MotionView;
  votes: VoteApi;
  onMotion: (motion: MotionView) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { motion } = props;
  const election = motion.kind === 'election';
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState({ ballotsCast: '', blank: '', invalid: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const number = (text: string | undefined) => Math.max(0, Number.parseInt(text ?? '', 10) || 0);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = {
        counts: Object.fromEntries(motion.choices.map((c) => [c.id, number(counts[c.id])])),
        ...(election
          ? {
              ballotsCast: number(extra.ballotsCast),
              blank: number(extra.blank),
              invalid: number(extra.invalid),
            }
          : {}),
      };
      props.onMotion(await props.votes.enterRoomTally(motion, input));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const numberField = (label: string, value: string, onChange: (value: string) => void) => (
    <Field key={label} label={label}>
      <Input
        type="number"
        min={0}
        inputMode="numeric"
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
  return (
    <form
      className={styles.form}
      aria-label={t('vote.room.enter')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Body1Strong>{t('vote.room.enter')}</Body1Strong>
      {motion.choices.map((c) =>
        numberField(t('vote.room.countOf', { label: c.label }), counts[c.id] ?? '', (value) =>
          setCounts((current) => ({ ...current, [c.id]: value })),
        ),
      )}
      {election && (
        <>
          {numberField(t('vote.room.ballotsCast'), extra.ballotsCast, (ballotsCast) =>
            setExtra((e) => ({ ...e, ballotsCast })),
          )}
          {numberField(t('vote.room.blank'), extra.blank, (blank) =>
            setExtra((e) => ({ ...e, blank })),
          )}
          {numberField(t('vote.room.invalid'), extra.invalid, (invalid) =>
            setExtra((e) => ({ ...e, invalid })),
          )}
        </>
      )}
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy}>
          {t('vote.room.save')}
        </Button>
      </div>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
