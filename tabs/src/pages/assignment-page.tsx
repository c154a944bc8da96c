import {
  Body1,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { formatDateTime } from '@qcdc/core';
import { useState, type ReactNode } from 'react';
import type { AssignmentView, BodyDetail, MeetingView } from '../api/api-types';
import { useResource } from '../app/use-resource';
import { AssignmentActionsCard } from '../assignments/assignment-actions-card';
import { partiesFor } from '../assignments/assignment-actions';
import { AssignmentStatusBadge, PriorityBadge } from '../assignments/assignment-badges';
import {
  deadlineState,
  deadlineText,
  formatCivilDate,
  isOverdueAt,
} from '../assignments/assignment-dates';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n, type MessageKey } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

const useStyles = makeStyles({
  subtitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  links: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  history: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  update: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke2}`,
  },
  evidence: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * `/bodies/{bodyId}/assignments/{id}`: what was assigned, to whom, by when, where it came from, the
 * progress reported, and the moves this caller may make now.
 */
export function AssignmentPage(props: { bodyId: string; assignmentId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const { bodyId, assignmentId } = props;
  const [data, reload] = useResource(`assignment:${bodyId}/${assignmentId}`, async () => {
    const assignment = await api.getAssignment(bodyId, assignmentId);
    // A co-owner who has since left the body may still read the assignment, not the body.
    const [body, meeting] = await Promise.all([
      api.getBody(bodyId).catch(() => null),
      assignment.source.meetingId
        ? api.getMeeting(bodyId, assignment.source.meetingId).catch(() => null)
        : Promise.resolve(null),
    ]);
    return { assignment, body, meeting };
  });

  if (data.status !== 'ready') {
    return (
      <Page title={t('assignment.heading')} subtitle={<BackLinks bodyId={bodyId} />}>
        {data.status === 'loading' ? <Loading /> : <ErrorBar error={data.error} onRetry={reload} />}
      </Page>
    );
  }
  return (
    <AssignmentDetail
      key={data.data.assignment.id}
      initial={data.data.assignment}
      body={data.data.body}
      meeting={data.data.meeting}
    />
  );
}

function BackLinks(props: { bodyId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.links}>
      <AppLink to={paths.myTasks()}>{t('assignment.backToMyTasks')}</AppLink>
      <AppLink to={paths.dashboard(props.bodyId)}>{t('meeting.back')}</AppLink>
    </div>
  );
}

function AssignmentDetail(props: {
  initial: AssignmentView;
  body: BodyDetail | null;
  meeting: MeetingView | null;
}) {
  const { userId } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [assignment, setAssignment] = useState(props.initial);
  const { body } = props;
  const names = new Map(body?.members.map((m) => [m.userId, m.displayName]) ?? []);
  const nameOf = (id: string) =>
    names.get(id) ?? (id === userId ? t('assignment.you') : t('common.formerMember'));
  const isHead = body?.myRoles.includes('head') ?? false;
  const parties = partiesFor(assignment, userId, isHead);
  const now = new Date();
  const overdue = isOverdueAt(assignment, now);
  const state = deadlineState(assignment, now);
  const latestPercent = [...assignment.progress]
    .reverse()
    .find((update) => update.percent !== undefined)?.percent;

  const partyNames: MessageKey[] = [];
  if (parties.has('owner')) partyNames.push('party.owner');
  else if (parties.has('worker')) partyNames.push('party.coOwner');
  if (assignment.assignedBy === userId) partyNames.push('party.assigner');
  else if (parties.has('assigner')) partyNames.push('party.head');

  const deadline = (
    <>
      <span className={overdue ? styles.overdue : undefined}>
        {formatCivilDate(assignment.deadline)}
        {state ? ` (${deadlineText(state, locale)})` : ''}
      </span>
      {assignment.extended && (
        <Caption1 className={styles.muted}>
          {' '}
          {t('assignment.extendedFrom', { date: formatCivilDate(assignment.originalDeadline) })}
        </Caption1>
      )}
    </>
  );
  const facts: [string, ReactNode][] = [
    [t('assignment.body'), body?.body.name ?? assignment.bodyId],
    [t('csv.owner'), nameOf(assignment.ownerId)],
    [
      t('csv.coOwners'),
      assignment.coOwnerIds.length > 0
        ? assignment.coOwnerIds.map(nameOf).join(t('common.listSeparator'))
        : '—',
    ],
    [t('assignment.assignedBy'), nameOf(assignment.assignedBy)],
    [t('csv.deadline'), deadline],
    [
      t('csv.source'),
      assignment.source.meetingId ? (
        <AppLink to={paths.meeting(assignment.bodyId, assignment.source.meetingId)}>
          {props.meeting
            ? t('assignment.fromMeeting', { title: props.meeting.title })
            : t('assignment.openMeeting')}
        </AppLink>
      ) : (
        t('csv.direct')
      ),
    ],
    [t('assignment.assignedAt'), formatDateTime(assignment.createdAt, locale)],
  ];
  if (assignment.submittedAt) {
    facts.push([t('assignment.submittedAt'), formatDateTime(assignment.submittedAt, locale)]);
  }
  if (assignment.completedAt) {
    facts.push([
      t('csv.completedAt'),
      `${formatDateTime(assignment.completedAt, locale)} — ${t(
        assignment.onTime === false ? 'timeliness.late' : 'timeliness.onTime',
      )}`,
    ]);
  }
  if (assignment.statusReason) facts.push([t('assignment.reason'), assignment.statusReason]);

  const subtitle = (
    <div className={styles.subtitle}>
      <AssignmentStatusBadge status={assignment.status} overdue={overdue} />
      <PriorityBadge priority={assignment.priority} />
      {partyNames.length > 0 && (
        <Caption1 className={styles.muted}>
          {t('assignment.yourPart', {
            parts: partyNames.map((key) => t(key)).join(t('common.listSeparator')),
          })}
        </Caption1>
      )}
    </div>
  );

  return (
    <Page
      title={assignment.title}
      subtitle={subtitle}
      actions={<BackLinks bodyId={assignment.bodyId} />}
    >
      {assignment.extensionRequest && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('assignment.extensionPending', {
              date: formatCivilDate(assignment.extensionRequest.requestedDeadline),
              name: nameOf(assignment.extensionRequest.requestedBy),
              when: formatDateTime(assignment.extensionRequest.requestedAt, locale),
              reason: assignment.extensionRequest.reason,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <div className={styles.column}>
          <SectionCard title={t('assignment.details')}>
            <dl className={styles.facts}>
              {facts.map(([term, value]) => (
                <div key={term} className={styles.pair}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={styles.definition}>{value}</dd>
                </div>
              ))}
            </dl>
            {assignment.description && (
              <Body1 className={styles.text}>{assignment.description}</Body1>
            )}
          </SectionCard>
          <SectionCard title={t('assignment.progress', { count: assignment.progress.length })}>
            {latestPercent !== undefined && (
              <ProgressBar
                value={latestPercent / 100}
                thickness="large"
                aria-label={t('assignment.percentDone', { percent: latestPercent })}
              />
            )}
            {assignment.progress.length === 0 ? (
              <Body1 className={styles.muted}>{t('assignment.noProgress')}</Body1>
            ) : (
              <ol className={styles.history} aria-label={t('assignment.progressList')}>
                {[...assignment.progress].reverse().map((update, index) => (
                  <li key={`${update.at}-${index}`} className={styles.update}>
                    <Caption1 className={styles.muted}>
                      {t('assignment.progressBy', {
                        name: update.byName,
                        when: formatDateTime(update.at, locale),
                      })}
                      {update.percent !== undefined &&
                        ` · ${t('assignment.percentDone', { percent: update.percent })}`}
                    </Caption1>
                    <Body1 className={styles.text}>{update.note}</Body1>
                    {update.evidenceUrls.length > 0 && (
                      <ul className={styles.evidence} aria-label={t('assignment.evidence')}>
                        {update.evidenceUrls.map((url, n) => (
                          <li key={`${n}:${url}`}>
                            <Link href={url} target="_blank" rel="noopener noreferrer">
                              {url}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </SectionCard>
        </div>
        <AssignmentActionsCard
          assignment={assignment}
          parties={parties}
          onAssignment={setAssignment}
        />
      </div>
    </Page>
  );
}
