import type { MetricsReport, PreviousFigures } from '../../../../shared/metrics/metrics-report';
import type { MessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import type { MetricsFormat } from './metrics-format';

type Direction = 'better' | 'worse' | 'neutral';

function Change({ delta, text, better }: { delta: number | null; text: string; better: 'up' | 'down' | null }) {
  const t = useT();
  if (delta === null) return <span className="metrics-card__change">{t('metrics.change.none')}</span>;
  if (delta === 0) return <span className="metrics-card__change">{t('metrics.change.same')}</span>;
  const up = delta > 0;
  const direction: Direction = better === null ? 'neutral' : (better === 'up') === up ? 'better' : 'worse';
  return (
    <span className={`metrics-card__change metrics-card__change--${direction}`}>
      {t(up ? 'metrics.change.up' : 'metrics.change.down', { value: text })}
    </span>
  );
}

function Card({ title, value, children }: { title: string; value: string; children: React.ReactNode }) {
  return (
    <section className="metrics-card" aria-label={title}>
      <h3 className="metrics-card__title">{title}</h3>
      <p className="metrics-card__value">{value}</p>
      <div className="metrics-card__detail">{children}</div>
    </section>
  );
}

function difference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

export function MetricsCards({ report, format }: { report: MetricsReport; format: MetricsFormat }) {
  const t = useT();
  const previous: PreviousFigures = report.previous;
  const none = t('metrics.noValue');
  const counted = (key: string, count: number) =>
    t(`${key}.${format.plural(count) === 'one' ? 'one' : 'other'}` as MessageKey, { count: format.count(count) });
  const duration = (ms: number | null) => (ms === null ? none : format.duration(ms));
  const conversationsDelta = previous.conversations === 0 ? null : report.conversations - previous.conversations;
  const rateDelta = difference(report.responseRate, previous.responseRate);
  const responseDelta = difference(report.firstResponseMs.median, previous.firstResponseMs.median);
  const csatDelta = difference(report.csat.satisfiedShare, previous.csat.satisfiedShare);
  const points = (delta: number) => t('metrics.points', { value: format.count(Math.abs(delta) * 100) });
  return (
    <div className="metrics-cards">
      <Card title={t('metrics.card.conversations')} value={format.count(report.conversations)}>
        <span>
          {counted('metrics.new', report.newConversations)} ·{' '}
          {counted('metrics.restarted', report.restartedAfterExpiry)}
        </span>
        <Change
          delta={conversationsDelta}
          text={conversationsDelta === null ? '' : format.count(Math.abs(conversationsDelta))}
          better={null}
        />
      </Card>
      <Card
        title={t('metrics.card.responseRate')}
        value={report.responseRate === null ? none : format.share(report.responseRate)}
      >
        <span>
          {counted('metrics.answered', report.answered)} · {counted('metrics.missed', report.missed)} ·{' '}
          {counted('metrics.pending', report.pending)}
        </span>
        <Change delta={rateDelta} text={rateDelta === null ? '' : points(rateDelta)} better="up" />
      </Card>
      <Card title={t('metrics.card.firstResponse')} value={duration(report.firstResponseMs.median)}>
        <span>
          {t('metrics.firstResponseDetail', {
            average: duration(report.firstResponseMs.average),
            p90: duration(report.firstResponseMs.p90),
          })}
        </span>
        <span>{t('metrics.replyDetail', { median: duration(report.replyMs.median) })}</span>
        <Change
          delta={responseDelta}
          text={responseDelta === null ? '' : format.duration(Math.abs(responseDelta))}
          better="down"
        />
      </Card>
      <Card
        title={t('metrics.card.csat')}
        value={report.csat.satisfiedShare === null ? none : format.share(report.csat.satisfiedShare)}
      >
        <span>
          {report.csat.answers === 0
            ? t('metrics.csatNone')
            : t('metrics.csatDetail', {
                answers: format.count(report.csat.answers),
                sent: format.count(report.csat.surveysSent),
                average: report.csat.average === null ? none : format.average(report.csat.average),
              })}
        </span>
        <Change delta={csatDelta} text={csatDelta === null ? '' : points(csatDelta)} better="up" />
      </Card>
    </div>
  );
}
