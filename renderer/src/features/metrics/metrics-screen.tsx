import { useEffect, useMemo, useState } from 'react';
import { metricDefinitions, type MetricTerm } from '../../../../shared/metrics/definitions';
import type { PeriodPreset } from '../../../../shared/metrics/metrics-period';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { useUi } from '../../app/ui-store';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { MetricsCards } from './metrics-cards';
import { ConversationsPerDayChart, CustomerHeatMap, FirstResponsePerDayChart } from './metrics-charts';
import { createMetricsFormat } from './metrics-format';
import { periodOf, useMetrics } from './metrics-store';
import { downloadMetricsCsv } from './metrics-csv-download';
import { shopClockTime } from '../../../../shared/time/shop-time';

const presets: readonly PeriodPreset[] = ['today', 'last7', 'last30', 'custom'];
const MINUTE = 60_000;

function PeriodPicker({ timeZone }: { timeZone: string }) {
  const t = useT();
  const preset = useMetrics((state) => state.preset);
  const customFrom = useMetrics((state) => state.customFrom);
  const customTo = useMetrics((state) => state.customTo);
  const setPreset = useMetrics((state) => state.setPreset);
  const setCustom = useMetrics((state) => state.setCustom);
  const now = useClock((state) => state.now);
  return (
    <div className="metrics-period">
      <div className="metrics-period__presets" role="group" aria-label={t('metrics.period')}>
        {presets.map((option) => (
          <button
            key={option}
            type="button"
            className="filter-chip"
            aria-pressed={preset === option}
            onClick={() => {
              if (option === 'custom' && !customFrom) {
                const today = shopClockTime(now, timeZone).day;
                setCustom(today, today);
              } else setPreset(option);
            }}
          >
            {t(`metrics.period.${option}`)}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <div className="metrics-period__custom">
          <label className="field field--inline">
            <span className="field__label">{t('metrics.from')}</span>
            <input
              className="input"
              type="date"
              value={customFrom}
              max={customTo || undefined}
              onChange={(event) => setCustom(event.target.value, customTo)}
            />
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('metrics.to')}</span>
            <input
              className="input"
              type="date"
              value={customTo}
              min={customFrom || undefined}
              onChange={(event) => setCustom(customFrom, event.target.value)}
            />
          </label>
        </div>
      )}
    </div>
  );
}

function MissedList({ format }: { format: ReturnType<typeof createMetricsFormat> }) {
  const t = useT();
  const formatter = useFormatter();
  const report = useMetrics((state) => state.report);
  const selectChat = useUi((state) => state.selectChat);
  const setView = useUi((state) => state.setView);
  const now = useClock((state) => Math.floor(state.now / MINUTE) * MINUTE);
  if (!report) return null;
  const list = report.missedConversations;
  return (
    <section className="metrics-missed" aria-labelledby="metrics-missed-title">
      <h3 id="metrics-missed-title" className="metrics-section__title">
        {t('metrics.missedList.title')} ({format.count(report.missed)})
      </h3>
      {list.length === 0 ? (
        <p className="metrics-missed__none">{t('metrics.missedList.none')}</p>
      ) : (
        <ul className="metrics-missed__list">
          {list.map((missed) => (
            <li key={`${missed.chatId}-${missed.startedAt}`}>
              <button
                type="button"
                className="metrics-missed__item"
                onClick={() => {
                  selectChat(missed.chatId);
                  setView('chats');
                }}
              >
                <span className="metrics-missed__name">{missed.name}</span>
                <span className="metrics-missed__when">
                  {t('metrics.missedList.started', { when: formatter.when(missed.startedAt, now) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length < report.missed && (
        <p className="metrics-missed__more">
          {t('metrics.missedList.more', { shown: format.count(list.length), total: format.count(report.missed) })}
        </p>
      )}
    </section>
  );
}

const helpTerms: readonly MetricTerm[] = [
  'conversation',
  'restartedAfterExpiry',
  'answered',
  'missed',
  'pending',
  'responseRate',
  'firstResponseTime',
  'replyTime',
  'period',
  'median',
  'percentile90',
  'satisfaction',
];

function MetricsHelp() {
  const t = useT();
  const language = useSettings(selectLanguage);
  const definitions = metricDefinitions[language];
  return (
    <details className="metrics-help">
      <summary>{t('metrics.help.title')}</summary>
      <dl>
        {helpTerms.map((term) => (
          <div key={term} className="metrics-help__entry">
            <dt>{definitions[term].term}</dt>
            <dd>{definitions[term].definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function MetricsScreen() {
  const t = useT();
  const formatter = useFormatter();
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  const preset = useMetrics((state) => state.preset);
  const customFrom = useMetrics((state) => state.customFrom);
  const customTo = useMetrics((state) => state.customTo);
  const report = useMetrics((state) => state.report);
  const loading = useMetrics((state) => state.loading);
  const failed = useMetrics((state) => state.failed);
  const load = useMetrics((state) => state.load);
  // The period follows the shop's day: recomputed when the minute changes, not every second.
  const minute = useClock((state) => Math.floor(state.now / MINUTE));
  const [exported, setExported] = useState<string | null>(null);
  const format = useMemo(() => createMetricsFormat(formatter.locale), [formatter.locale]);

  useEffect(() => {
    void load(minute * MINUTE, timeZone);
  }, [load, minute, timeZone, preset, customFrom, customTo]);

  const period = periodOf({ preset, customFrom, customTo }, minute * MINUTE, timeZone);
  const dayOf = (at: number) => format.day(shopClockTime(at, timeZone).day);

  return (
    <main className="metrics" aria-labelledby="metrics-title">
      <header className="metrics__header">
        <h2 id="metrics-title" className="metrics__title">
          {t('metrics.title')}
        </h2>
        <PeriodPicker timeZone={timeZone} />
        <button
          type="button"
          className="button"
          disabled={!period}
          onClick={() => {
            if (!period) return;
            void downloadMetricsCsv(period).then((file) => setExported(file));
          }}
        >
          {t('metrics.export')}
        </button>
      </header>
      {exported && (
        <p className="metrics__status" role="status">
          {t('metrics.exported', { file: exported })}
        </p>
      )}
      {report && (
        <p className="metrics__compared">
          {t('metrics.comparedTo', { from: dayOf(report.previous.from), to: dayOf(report.previous.to - 1) })}
        </p>
      )}
      {report && !report.complete && <p className="metrics__status">{t('metrics.rebuilding')}</p>}
      {failed && (
        <p className="error-text" role="alert">
          {t('metrics.failed')}
        </p>
      )}
      {!report && loading && (
        <p className="metrics__status" role="status">
          {t('metrics.loading')}
        </p>
      )}
      {report && (
        <div className="metrics__body" aria-busy={loading}>
          <MetricsCards report={report} format={format} />
          {report.conversations === 0 ? (
            <p className="metrics__empty" role="status">
              {t('metrics.empty')}
            </p>
          ) : (
            <div className="metrics__charts">
              <ConversationsPerDayChart report={report} format={format} />
              <FirstResponsePerDayChart report={report} format={format} />
              <CustomerHeatMap report={report} format={format} locale={formatter.locale} />
            </div>
          )}
          <MissedList format={format} />
        </div>
      )}
      <MetricsHelp />
    </main>
  );
}
