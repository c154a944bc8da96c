import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { BodyRole } from '@qcdc/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import type {
  AssignmentRow,
  AssignmentView,
  BodyAssignmentRows,
  BodyMember,
} from '../api/api-types';
import { canCreateAssignment } from '../app/permissions';
import { useResource, type Resource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { saveBlob } from '../meeting-panel/save-blob';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { blobDownloadsWork } from '../teams/meeting-surface';
import { AssignmentStatusBadge, PriorityBadge } from './assignment-badges';
import { AssignmentChart } from './assignment-chart';
import { assignmentCsvRows, buildCsv, CSV_MIME, csvFileName } from './assignment-csv';
import { deadlineState, deadlineText, formatCivilDate, isOverdueAt } from './assignment-dates';
import {
  filterAssignments,
  NO_FILTER,
  onTimeRateText,
  stateCounts,
  stateLabel,
  STATUS_FILTERS,
  TABLE_PAGE,
  type TableFilter,
} from './assignment-table';

const AssignmentCreateDialog = lazy(() => import('./assignment-create-dialog'));

const useStyles = makeStyles({
  tiles: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
  },
  tileOverdue: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.4fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  rate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  rateValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 2fr) repeat(2, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  tableWrap: { overflowX: 'auto' },
  overdueRow: {
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorPaletteRedBorder2}`,
  },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
});

/**
 * The body's assignments on the channel dashboard: counts by state (overdue first), the on-time
 * rate, a chart, a filterable table and its CSV export; "Giao nhiệm vụ" for those who assign.
 */
export function AssignmentsSection(props: {
  bodyId: string;
  members: readonly BodyMember[];
  myRoles: readonly BodyRole[];
  /** Loaded by the page alongside the body (`useAssignmentRows`), not after it has rendered. */
  rows: Resource<BodyAssignmentRows>;
  reloadRows: () => void;
}) {
  const { host } = useSession();
  const { t } = useI18n();
  const data = props.rows;
  const reload = props.reloadRows;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AssignmentView | null>(null);
  const mayAssign = canCreateAssignment(props.myRoles);
  const nameOf = useMemo(() => {
    const names = new Map(props.members.map((m) => [m.userId, m.displayName]));
    return (userId: string) => names.get(userId) ?? t('common.formerMember');
  }, [props.members, t]);

  const actions = mayAssign ? (
    <Button appearance="primary" onClick={() => setCreating(true)}>
      {t('assignments.create')}
    </Button>
  ) : undefined;

  return (
    <SectionCard title={t('assignments.title')} actions={actions}>
      {created && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('assignments.created', { title: created.title, name: nameOf(created.ownerId) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <Overview
          bodyId={props.bodyId}
          data={data.data}
          members={props.members}
          nameOf={nameOf}
          canDownload={blobDownloadsWork(host)}
        />
      )}
      {creating && (
        <Suspense fallback={<Loading />}>
          <AssignmentCreateDialog
            bodyId={props.bodyId}
            members={props.members}
            onClose={() => setCreating(false)}
            onCreated={(assignment) => {
              setCreating(false);
              setCreated(assignment);
              reload();
            }}
          />
        </Suspense>
      )}
    </SectionCard>
  );
}

/**
 * The body's assignment rows for the table: the summary view (only the table's columns), since the
 * full list of a year's work is ~640 KB. Called by the page next to its other requests, so all start
 * together.
 */
export function useAssignmentRows(bodyId: string): [Resource<BodyAssignmentRows>, () => void] {
  const { api } = useSession();
  return useResource(`assignments:${bodyId}`, () => api.listBodyAssignmentRows(bodyId));
}

function Overview(props: {
  bodyId: string;
  data: BodyAssignmentRows;
  members: readonly BodyMember[];
  nameOf: (userId: string) => string;
  canDownload: boolean;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { assignments, stats } = props.data;
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER);
  const now = useMemo(() => new Date(), []);
  const counts = useMemo(() => stateCounts(assignments, now), [assignments, now]);
  const shown = useMemo(
    () => filterAssignments(assignments, filter, props.nameOf, now),
    [assignments, filter, props.nameOf, now],
  );
  const rate = onTimeRateText(stats);
  // A year of work is a thousand rows: rendering them all blocked the dashboard for seconds. The
  // table grows by pages on request; the counts, chart and exports still cover every matching row.
  const [limit, setLimit] = useState(TABLE_PAGE);
  const changeFilter = (change: (current: TableFilter) => TableFilter) => {
    setFilter(change);
    setLimit(TABLE_PAGE);
  };

  const exportCsv = () => {
    const csv = buildCsv(assignmentCsvRows(shown, props.nameOf, locale, new Date()));
    saveBlob(new Blob([csv], { type: CSV_MIME }), csvFileName(props.bodyId, new Date()));
  };
  // The workbook writer loads on demand: it is not part of the dashboard's first load.
  const exportXlsx = async () => {
    const { buildXlsx, XLSX_MIME, xlsxFileName } = await import('./assignment-xlsx');
    const now = new Date();
    const bytes = buildXlsx(
      t('assignments.sheetName'),
      assignmentCsvRows(shown, props.nameOf, locale, now),
    );
    saveBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }),
      xlsxFileName(csvFileName(props.bodyId, now)),
    );
  };

  if (assignments.length === 0) return <Body1>{t('assignments.none')}</Body1>;
  return (
    <>
      <ul className={styles.tiles} aria-label={t('assignments.counts', { total: stats.total })}>
        {counts.map(({ key, count }) => (
          <li
            key={key}
            className={mergeClasses(
              styles.tile,
              key === 'overdue' && count > 0 && styles.tileOverdue,
            )}
          >
            <span className={styles.count}>{count}</span>
            <Caption1>{stateLabel(key, locale)}</Caption1>
          </li>
        ))}
      </ul>
      <div className={styles.summary}>
        <div className={styles.rate}>
          <Body1Strong>{t('assignments.onTimeRate')}</Body1Strong>
          {rate ? (
            <span className={styles.rateValue}>{rate}</span>
          ) : (
            <Body1 className={styles.muted}>{t('assignments.noneDone')}</Body1>
          )}
          <Caption1 className={styles.muted}>{t('assignments.onTimeHint')}</Caption1>
        </div>
        <AssignmentChart stats={stats} />
      </div>
      <div className={styles.filters} role="search" aria-label={t('assignments.filters')}>
        <Field label={t('assignments.search')}>
          <Input
            type="search"
            value={filter.text}
            placeholder={t('assignments.searchHint')}
            onChange={(_, data) => changeFilter((f) => ({ ...f, text: data.value }))}
          />
        </Field>
        <Field label={t('assignments.statusFilter')}>
          <Select
            value={filter.status}
            onChange={(_, data) =>
              changeFilter((f) => ({ ...f, status: data.value as TableFilter['status'] }))
            }
          >
            {STATUS_FILTERS.map((status) => (
              <option key={status || 'all'} value={status}>
                {status ? stateLabel(status, locale) : t('assignments.allStatuses')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('assignments.personFilter')}>
          <Select
            value={filter.personId}
            onChange={(_, data) => changeFilter((f) => ({ ...f, personId: data.value }))}
          >
            <option value="">{t('assignments.everyone')}</option>
            {props.members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.displayName}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.toolbar}>
        <Caption1 className={styles.muted} role="status">
          {t('assignments.shown', { shown: shown.length, total: assignments.length })}
        </Caption1>
        <div className={styles.actions}>
          {!props.canDownload && (
            <Caption1 className={styles.muted}>{t('assignments.csvMobile')}</Caption1>
          )}
          <Button disabled={!props.canDownload || shown.length === 0} onClick={exportCsv}>
            {t('assignments.exportCsv')}
          </Button>
          <Button
            disabled={!props.canDownload || shown.length === 0}
            onClick={() => void exportXlsx()}
          >
            {t('assignments.exportXlsx')}
          </Button>
        </div>
      </div>
      <AssignmentTable
        bodyId={props.bodyId}
        assignments={shown.slice(0, limit)}
        nameOf={props.nameOf}
        now={now}
      />
      {shown.length > limit && (
        <div>
          <Button onClick={() => setLimit((current) => current + TABLE_PAGE)}>
            {t('assignments.showMore', {
              count: Math.min(TABLE_PAGE, shown.length - limit),
              rest: shown.length - limit,
            })}
          </Button>
        </div>
      )}
    </>
  );
}

/** The rows shown: title (link), owner and co-owners, deadline with days left, status, priority. */
export function AssignmentTable(props: {
  bodyId: string;
  assignments: readonly AssignmentRow[];
  nameOf: (userId: string) => string;
  now: Date;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  if (props.assignments.length === 0) return <Body1>{t('assignments.noMatch')}</Body1>;
  return (
    <div className={styles.tableWrap}>
      <Table aria-label={t('assignments.table')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('csv.title')}</TableHeaderCell>
            <TableHeaderCell>{t('csv.owner')}</TableHeaderCell>
            <TableHeaderCell>{t('csv.deadline')}</TableHeaderCell>
            <TableHeaderCell>{t('csv.status')}</TableHeaderCell>
            <TableHeaderCell>{t('csv.priority')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.assignments.map((a) => {
            const overdue = isOverdueAt(a, props.now);
            const state = deadlineState(a, props.now);
            return (
              <TableRow key={a.id} className={overdue ? styles.overdueRow : undefined}>
                <TableCell>
                  <AppLink to={paths.assignment(props.bodyId, a.id)}>{a.title}</AppLink>
                </TableCell>
                <TableCell>
                  <div className={styles.cell}>
                    <span>{props.nameOf(a.ownerId)}</span>
                    {a.coOwnerIds.length > 0 && (
                      <Caption1 className={styles.muted}>
                        {t('assignments.withCoOwners', { count: a.coOwnerIds.length })}
                      </Caption1>
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.cell}>
                    <span>{formatCivilDate(a.deadline)}</span>
                    {state && (
                      <Caption1 className={overdue ? styles.overdueText : styles.muted}>
                        {deadlineText(state, locale)}
                      </Caption1>
                    )}
                    {a.status === 'done' && (
                      <Caption1 className={a.onTime === false ? styles.overdueText : styles.muted}>
                        {t(a.onTime === false ? 'timeliness.late' : 'timeliness.onTime')}
                      </Caption1>
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <AssignmentStatusBadge status={a.status} overdue={overdue} />
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={a.priority} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
