/** The top bar's "Aberto até 18:00" / "Fechado · abre segunda-feira às 9:00", from the business hours. */
import { currentClosing, isOpenAt, nextOpening } from '../../../../shared/automations/business-hours';
import { formatNextOpening } from '../../../../shared/automations/next-open-text';
import { useClock } from '../../app/clock-store';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useAutomations } from './automations-store';

const MINUTE_MS = 60_000;

export function OpenStatus() {
  const t = useT();
  const format = useFormatter();
  const hours = useAutomations((state) => (state.settings?.enabled ? state.settings.businessHours : null));
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'America/Sao_Paulo');
  const language = useSettings(selectLanguage);
  const now = useClock((state) => Math.floor(state.now / MINUTE_MS) * MINUTE_MS);
  if (!hours || now === 0) return null;
  let text: string;
  let open = false;
  if (isOpenAt(hours, timeZone, now)) {
    open = true;
    const closesAt = currentClosing(hours, timeZone, now);
    text = closesAt === null ? t('auto.openNow') : t('auto.openUntil', { time: format.time(closesAt) });
  } else {
    const next = nextOpening(hours, timeZone, now);
    text = next
      ? t('auto.closedOpens', { when: formatNextOpening(next.at, now, timeZone, language) })
      : t('auto.closedNow');
  }
  return (
    <span className={`open-status open-status--${open ? 'open' : 'closed'}`} role="status" title={text}>
      {text}
    </span>
  );
}
