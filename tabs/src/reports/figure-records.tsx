import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { caseApi } from '../api/case-api';
import { frontApi } from '../api/front-api';
import type { ReviewView } from '../api/report-api';
import { voteApi } from '../api/vote-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { useI18n, type I18n } from '../i18n';
import { formatCivilDate } from '../assignments/assignment-dates';
import { frontPaths } from '../front/front-routes';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import type { FigureItem, RecordInfo } from './figure-groups';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  detail: { color: tokens.colorNeutralForeground3, display: 'block' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { margin: 0 },
  value: { margin: 0, justifySelf: 'end' },
  number: { minWidth: '48px', fontWeight: tokens.fontWeightSemibold },
});

export function itemLabel(i18n: I18n, item: Pick<FigureItem, 'label'>): string {
  return 'key' in item.label ? i18n.t(item.label.key) : item.label.text;
}

/**
 * The numbers of one section as label / number pairs; each number is a button that lists the
 * records behind it, so every figure in the report can be checked against the data.
 */
export function FigureList(props: {
  items: readonly FigureItem[];
  label: string;
  onOpen: (item: FigureItem) => void;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <dl className={styles.figures} aria-label={props.label}>
      {props.items.map((item) => {
        const label = itemLabel(i18n, item);
        return (
          <div key={item.key} style={{ display: 'contents' }}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value}>
              <Button
                appearance="subtle"
                size="small"
                className={styles.number}
                aria-label={i18n.t('report.figure.open', { label, count: item.figure.count })}
                onClick={() => props.onOpen(item)}
              >
                {item.figure.count}
              </Button>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The records behind one number, named from the review's own rows (votes from the meetings'). */
export function FigureRecordsDialog(props: {
  bodyId: string;
  review: ReviewView;
  index: ReadonlyMap<string, RecordInfo>;
  item: FigureItem;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { item } = props;
  const lazy = useLazyRecords(props.bodyId, props.review, item);
  const lazySource = isLazySource(item.source);
  // Until the register has answered (or failed), a lazily named list shows a spinner, not bare ids.
  const waiting =
    lazySource && item.figure.count > 0 && (lazy.status === 'idle' || lazy.status === 'loading');
  const records = item.figure.ids.map(
    (id) =>
      (lazy.status === 'ready' ? lazy.records.get(id) : undefined) ??
      props.index.get(id) ??
      unnamed(i18n, id),
  );

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>
            {t('report.records.title', { label: itemLabel(i18n, item), count: item.figure.count })}
          </DialogTitle>
          <DialogContent>
            {item.figure.count === 0 && <p>{t('report.records.none')}</p>}
            {waiting && <Spinner size="tiny" label={t('common.loading')} />}
            {/* The register could not be read: the ids are still listed below. */}
            {lazySource && lazy.status === 'failed' && <ErrorBar error={lazy.error} />}
            {item.figure.count > 0 && !waiting && (
              <ol className={styles.list} aria-label={itemLabel(i18n, item)}>
                {records.map((record) => (
                  <li key={record.id}>
                    {record.href ? (
                      <AppLink to={record.href}>{record.title}</AppLink>
                    ) : (
                      <span>{record.title}</span>
                    )}
                    {record.detail && <span className={styles.detail}>{record.detail}</span>}
                  </li>
                ))}
              </ol>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              {t('report.records.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function unnamed(i18n: I18n, id: string): RecordInfo {
  return { id, title: i18n.t('report.records.unnamed', { id }), detail: '' };
}

type LazyRecords =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; records: Map<string, RecordInfo> }
  | { status: 'failed'; error: unknown };

/** Sources whose names are not in the review: read from their own register when a list opens. */
const LAZY_SOURCES = new Set<FigureItem['source']>([
  'vote',
  'recommendation',
  'case',
  'disclosure',
]);

export function isLazySource(source: FigureItem['source']): boolean {
  return LAZY_SOURCES.has(source);
}

/*
 * The review names its motions, Front recommendations, cases and disclosures by id only (cases
 * carry nothing else by design: their register shows a number, never a name); a list of them reads
 * the register when it is opened, through the same routes and permissions as their own pages.
 */
function useLazyRecords(bodyId: string, review: ReviewView, item: FigureItem): LazyRecords {
  const { api } = useSession();
  const i18n = useI18n();
  const [state, setState] = useState<LazyRecords>({ status: 'idle' });
  const wanted = isLazySource(item.source) && item.figure.count > 0 ? item.source : null;
  const i18nRef = useRef(i18n);
  useEffect(() => {
    i18nRef.current = i18n;
  });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setState({ status: 'loading' });
    loadRecords(api, bodyId, review, wanted, i18nRef.current).then(
      (records) => live && setState({ status: 'ready', records }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [api, bodyId, review, wanted]);
  return state;
}

async function loadRecords(
  api: ApiClient,
  bodyId: string,
  review: ReviewView,
  source: FigureItem['source'],
  i18n: I18n,
): Promise<Map<string, RecordInfo>> {
  const records = new Map<string, RecordInfo>();
  if (source === 'vote') {
    const votes = voteApi(api);
    const titles = new Map(review.meetingRows.map((m) => [m.id, m.title]));
    const lists = await Promise.all(review.meetingRows.map((m) => votes.list(bodyId, m.id)));
    for (const motion of lists.flat()) {
      records.set(motion.id, {
        id: motion.id,
        title: motion.question,
        detail: titles.get(motion.meetingId) ?? '',
        href: paths.meeting(bodyId, motion.meetingId),
      });
    }
  } else if (source === 'case') {
    for (const item of await caseApi(api).list(bodyId)) {
      records.set(item.id, {
        id: item.id,
        title: `${i18n.t('report.records.case', { number: item.number })} · ${i18n.t(`caseKind.${item.kind}`)}`,
        detail: formatCivilDate(item.receivedOn),
        href: frontPaths.case(bodyId, item.id),
      });
    }
  } else if (source === 'disclosure') {
    for (const item of await caseApi(api).disclosures(bodyId)) {
      records.set(item.id, {
        id: item.id,
        title: item.title,
        detail: `${formatCivilDate(item.startOn)} – ${formatCivilDate(item.endOn)}`,
        href: frontPaths.disclosures(bodyId),
      });
    }
  } else if (source === 'recommendation') {
    const front = frontApi(api);
    const { consultations } = await front.list(bodyId);
    const details = await Promise.all(consultations.map((c) => front.get(bodyId, c.id)));
    for (const detail of details) {
      for (const rec of detail.recommendations) {
        records.set(rec.id, {
          id: rec.id,
          title: `${i18n.t('recommendation.number', { number: rec.number })}: ${rec.text}`,
          detail: detail.consultation.title,
          href: frontPaths.consultation(bodyId, detail.consultation.id),
        });
      }
    }
  }
  return records;
}
