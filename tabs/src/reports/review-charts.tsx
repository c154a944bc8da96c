import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';

/*
 * Small charts of the review's own numbers, pure SVG (no chart library in the bundle). Each is one
 * image for screen readers (role="img" with every number in its name) and carries a table with the
 * same numbers, so nobody has to read a colour.
 */

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
  fill: string;
}

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '420px', height: 'auto', display: 'block' },
  donutWrap: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  donut: { width: '160px', height: '160px', flexShrink: 0 },
  legend: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  swatch: { width: '12px', height: '12px', borderRadius: '2px', flexShrink: 0 },
  details: { marginTop: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink },
  table: {
    borderCollapse: 'collapse',
    marginTop: tokens.spacingVerticalXS,
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& td:last-child, & th:last-child': { textAlign: 'right' },
  },
});

/** "Title: label 3, label 0, …" for screen readers. */
function spoken(title: string, data: readonly ChartDatum[], separator: string): string {
  return `${title}: ${data.map((d) => `${d.label} ${d.value}`).join(separator)}`;
}

function ChartTable(props: { title: string; data: readonly ChartDatum[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t('report.chart.asTable')}</summary>
      <table className={styles.table} aria-label={props.title}>
        <thead>
          <tr>
            <th scope="col">{t('report.chart.item')}</th>
            <th scope="col">{t('report.chart.count')}</th>
          </tr>
        </thead>
        <tbody>
          {props.data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const WIDTH = 320;
const VALUE_WIDTH = 36;
const BAR_AREA = WIDTH - VALUE_WIDTH;
const ROW = 42;
const BAR = 14;

/*
 * Horizontal bars, each under its own label: the labels keep their full width, so the chart stays
 * legible in a 320 px side panel as well as on a desktop (the drawing scales, it never scrolls).
 */
export function BarChart(props: { title: string; data: readonly ChartDatum[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const max = Math.max(1, ...props.data.map((d) => d.value));
  const height = props.data.length * ROW;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={spoken(props.title, props.data, t('common.listSeparator'))}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className={styles.chart}
      >
        {props.data.map((d, index) => {
          const y = index * ROW;
          const width = d.value === 0 ? 0 : Math.max(3, (d.value / max) * BAR_AREA);
          return (
            <g key={d.key} aria-hidden="true">
              <text
                x={0}
                y={y + 12}
                style={{ fill: tokens.colorNeutralForeground1, fontSize: '13px' }}
              >
                {truncate(d.label, 44)}
              </text>
              <rect
                x={0}
                y={y + 20}
                width={BAR_AREA}
                height={BAR}
                rx={3}
                style={{ fill: tokens.colorNeutralBackground3 }}
              />
              <rect x={0} y={y + 20} width={width} height={BAR} rx={3} style={{ fill: d.fill }} />
              <text
                x={WIDTH}
                y={y + 20 + BAR / 2}
                textAnchor="end"
                dominantBaseline="central"
                style={{ fill: tokens.colorNeutralForeground1, fontSize: '13px', fontWeight: 600 }}
              >
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable title={props.title} data={props.data} />
    </figure>
  );
}

const RADIUS = 60;
const STROKE = 22;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring of shares with the total in the middle, and a legend naming each share with its number. */
export function DonutChart(props: { title: string; data: readonly ChartDatum[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const total = props.data.reduce((sum, d) => sum + d.value, 0);
  let offset = 0;
  return (
    <figure style={{ margin: 0 }}>
      <div className={styles.donutWrap}>
        <svg
          role="img"
          aria-label={spoken(props.title, props.data, t('common.listSeparator'))}
          viewBox="0 0 160 160"
          className={styles.donut}
        >
          <g transform="rotate(-90 80 80)" aria-hidden="true">
            <circle
              cx={80}
              cy={80}
              r={RADIUS}
              fill="none"
              strokeWidth={STROKE}
              style={{ stroke: tokens.colorNeutralBackground3 }}
            />
            {total > 0 &&
              props.data.map((d) => {
                const length = (d.value / total) * CIRCUMFERENCE;
                const segment = (
                  <circle
                    key={d.key}
                    cx={80}
                    cy={80}
                    r={RADIUS}
                    fill="none"
                    strokeWidth={STROKE}
                    strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                    strokeDashoffset={-offset}
                    style={{ stroke: d.fill }}
                  />
                );
                offset += length;
                return segment;
              })}
          </g>
          <text
            x={80}
            y={80}
            textAnchor="middle"
            dominantBaseline="central"
            aria-hidden="true"
            style={{ fill: tokens.colorNeutralForeground1, fontSize: '24px', fontWeight: 600 }}
          >
            {total}
          </text>
        </svg>
        <ul className={styles.legend} aria-hidden="true">
          {props.data.map((d) => (
            <li key={d.key} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: d.fill }} />
              <span>
                {d.label}: <strong>{d.value}</strong>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <ChartTable title={props.title} data={props.data} />
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
