import type { ConnectionStatus } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';

export type StatusTone = 'ok' | 'busy' | 'warn' | 'error';

/** The short status shown in the top bar pill and the connect screen's heading line. */
export function statusText(status: ConnectionStatus, now: number, t: Translate): string {
  switch (status.state) {
    case 'starting':
      return t('status.starting');
    case 'qr':
      return t('status.qr');
    case 'pairing-code':
      return t('status.pairingCode');
    case 'authenticating':
      return t('status.authenticating');
    case 'loading':
      return status.percent === null
        ? t('status.loading')
        : t('status.loadingPercent', { percent: Math.round(status.percent) });
    case 'connected':
      return t('status.connected');
    case 'disconnected':
      return t('status.disconnected');
    case 'offline': {
      const seconds = Math.ceil((status.retryAt - now) / 1000);
      return seconds > 0 ? t('status.offline', { seconds }) : t('status.offlineNow');
    }
    case 'update-needed':
      return t('status.updateNeeded');
    case 'blocked':
      return t('status.blocked');
    case 'no-browser':
      return t('status.noBrowser');
  }
}

export function statusTone(status: ConnectionStatus): StatusTone {
  switch (status.state) {
    case 'connected':
      return 'ok';
    case 'starting':
    case 'qr':
    case 'pairing-code':
    case 'authenticating':
    case 'loading':
      return 'busy';
    case 'offline':
    case 'disconnected':
      return 'warn';
    case 'update-needed':
    case 'blocked':
    case 'no-browser':
      return 'error';
  }
}
