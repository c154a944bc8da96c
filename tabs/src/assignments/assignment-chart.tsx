import { makeStyles, tokens } from '@fluentui/react-components';
import type { AssignmentStatsView } from '../api/api-types';
import { useI18n, type MessageKey } from '../i18n';
import { chartBars, chartLabel, type ChartBar } from './assignment-table';

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '520px', height: 'auto', display: 'block' },
});

const BAR_LABELS: Record<ChartBar['key'], MessageKey> = {
  open: 'chart.open',
  overdue: 'chart.overdue',
  onTime: 'chart.onTime',
  late: 'chart.late',
};

/** Fill colours from the theme, so the chart follows the Teams light, dark and contrast themes. */
const BAR_FILLS: Record<ChartBar['key'], string> = {
  open: tokens.colorBrandBackground,
  overdue: tokens.colorPaletteRedBackground3,
  onTime: tokens.colorPaletteGreenBackground3,
  late: tokens.colorPaletteDarkOrangeBackground3,
};

const WIDTH = 440;
const LABEL_WIDTH = 170;
const BAR_AREA = 220;
const ROW = 30;
const BAR = 18;

/**
 * Open, overdue, done on time and done late as horizontal bars, pure SVG. Screen readers get one
 * sentence with every number (role="img" + aria-label); the drawn words are for the eye only.
 */
export function AssignmentChart(props: { stats: AssignmentStatsView }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const bars = chartBars(props.stats);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-label={chartLabel(props.stats, locale)}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className={styles.chart}
    >
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        const width = bar.value === 0 ? 0 : Math.max(3, (bar.value / max) * BAR_AREA);
        return (
          <g key={bar.key} aria-hidden="true">
            <text
              x={LABEL_WIDTH - 8}
              y={y + BAR / 2}
              textAnchor="end"
              dominantBaseline="central"
              style={{ fill: tokens.colorNeutralForeground1, fontSize: '13px' }}
            >
              {t(BAR_LABELS[bar.key])}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={BAR_AREA}
              height={BAR}
              rx={3}
              style={{ fill: tokens.colorNeutralBackground3 }}
            />
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={width}
              height={BAR}
              rx={3}
              style={{ fill: BAR_FILLS[bar.key] }}
            />
            <text
              x={LABEL_WIDTH + BAR_AREA + 8}
              y={y + BAR / 2}
              dominantBaseline="central"
              style={{
                fill: tokens.colorNeutralForeground1,
                fontSize: '13px',
                fontWeight: 600,
              }}
            >
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
