import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricsReport } from '../../../../shared/metrics/metrics-report';
import { useT } from '../../i18n/use-i18n';
import type { MetricsFormat } from './metrics-format';

const NEW_COLOUR = '#128c7e';
const RESTARTED_COLOUR = '#f0a500';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function ConversationsPerDayChart({ report, format }: { report: MetricsReport; format: MetricsFormat }) {
  const t = useT();
  const data = report.days.map((day) => ({
    day: format.day(day.day),
    [t('metrics.chart.new')]: day.newConversations,
    [t('metrics.chart.restarted')]: day.restartedAfterExpiry,
  }));
  return (
    <figure className="metrics-chart" aria-label={t('metrics.chart.perDay')}>
      <figcaption className="metrics-chart__title">{t('metrics.chart.perDay')}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => format.count(value)} />
          <Tooltip formatter={(value) => format.count(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey={t('metrics.chart.new')} stackId="conversations" fill={NEW_COLOUR} isAnimationActive={false} />
          <Bar
            dataKey={t('metrics.chart.restarted')}
            stackId="conversations"
            fill={RESTARTED_COLOUR}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function FirstResponsePerDayChart({ report, format }: { report: MetricsReport; format: MetricsFormat }) {
  const t = useT();
  const label = t('metrics.chart.medianFirstResponse');
  // Minutes or hours on the axis, so its ticks fall on round values; a day without any response is a gap.
  const longest = Math.max(0, ...report.days.map((day) => day.medianFirstResponseMs ?? 0));
  const unit = longest >= 2 * HOUR ? HOUR : MINUTE;
  const data = report.days.map((day) => ({
    day: format.day(day.day),
    [label]: day.medianFirstResponseMs === null ? null : day.medianFirstResponseMs / unit,
  }));
  const tick = (value: number) => (value === 0 ? '0' : format.duration(value * unit));
  return (
    <figure className="metrics-chart" aria-label={t('metrics.chart.firstResponsePerDay')}>
      <figcaption className="metrics-chart__title">{t('metrics.chart.firstResponsePerDay')}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={64} tickFormatter={tick} />
          <Tooltip formatter={(value) => format.duration(Number(value) * unit)} />
          <Line
            type="monotone"
            dataKey={label}
            stroke={NEW_COLOUR}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Weekday names from Intl: 1 Jan 2023 was a Sunday. */
function weekdayNames(locale: string): string[] {
  const names = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => names.format(Date.UTC(2023, 0, 1 + day)).replace('.', ''));
}

export function CustomerHeatMap({
  report,
  format,
  locale,
}: {
  report: MetricsReport;
  format: MetricsFormat;
  locale: string;
}) {
  const t = useT();
  const grid = report.customerMessagesByWeekdayHour;
  const max = Math.max(1, ...grid.flat());
  const names = weekdayNames(locale);
  return (
    <figure className="metrics-chart metrics-chart--wide" aria-label={t('metrics.chart.heatMap')}>
      <figcaption className="metrics-chart__title">{t('metrics.chart.heatMap')}</figcaption>
      <p className="metrics-chart__hint">{t('metrics.chart.heatMapHint')}</p>
      <div className="heat-map">
        <span />
        {Array.from({ length: 24 }, (_, hour) => (
          <span key={hour} className="heat-map__hour">
            {hour % 3 === 0 ? hour : ''}
          </span>
        ))}
        {grid.map((row, weekday) => (
          <div key={weekday} className="heat-map__row" role="row">
            <span className="heat-map__weekday">{names[weekday]}</span>
            {row.map((count, hour) => {
              const label = t('metrics.chart.heatCell', {
                weekday: names[weekday] ?? '',
                hour,
                count: format.count(count),
              });
              return (
                <span
                  key={hour}
                  className="heat-map__cell"
                  title={label}
                  aria-label={label}
                  role="cell"
                  style={{ opacity: count === 0 ? 0.06 : 0.15 + (0.85 * count) / max }}
                />
              );
            })}
          </div>
        ))}
      </div>
    </figure>
  );
}
