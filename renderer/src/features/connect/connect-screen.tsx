import { useState, type ReactNode } from 'react';
import type { ConnectionStatus } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useChats } from '../chats/chats-store';
import { useClock } from '../../app/clock-store';
import { useConnection } from './connection-store';
import { useUi } from '../../app/ui-store';
import { PairingCode, PairingForm } from './pairing-form';
import { QrImage } from './qr-image';
import { statusText, statusTone } from './status-text';
import { UnlinkButton } from './unlink-button';

const canReconnect: ReadonlySet<ConnectionStatus['state']> = new Set([
  'disconnected',
  'offline',
  'update-needed',
  'blocked',
  'no-browser',
]);
const canUnlink: ReadonlySet<ConnectionStatus['state']> = new Set([
  'authenticating',
  'loading',
  'connected',
  'disconnected',
  'offline',
  'update-needed',
  'blocked',
]);

export function ConnectScreen() {
  const t = useT();
  const status = useConnection((state) => state.status);
  const gatewayKind = useConnection((state) => state.gatewayKind);
  const startDemo = useConnection((state) => state.startDemo);
  const exitDemo = useConnection((state) => state.exitDemo);
  const linked = useConnection((state) => state.linked);
  const reconnect = useConnection((state) => state.reconnect);
  const hasChats = useChats((state) => state.byId.size > 0);
  const setView = useUi((state) => state.setView);
  const now = useClock((state) => (status.state === 'offline' ? state.now : 0));
  const [error, setError] = useState<string | null>(null);
  // Pressed twice, the demo would be asked for twice: the button waits for the first answer.
  const [demoPending, setDemoPending] = useState(false);

  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch((caught: unknown) => setError(t(errorMessageKey(caught))));
  };

  return (
    <main className="connect">
      <section className="connect__card" aria-labelledby="connect-title">
        <header className="connect__header">
          <h1 id="connect-title" className="connect__title">
            {t('connect.title')}
          </h1>
          <p className="connect__subtitle">{t('connect.subtitle')}</p>
          <p
            className={`connect__status connect__status--${gatewayKind === 'demo' ? 'demo' : statusTone(status)}`}
            role="status"
            data-state={status.state}
          >
            <span className="status-pill__dot" aria-hidden="true" />
            {gatewayKind === 'demo' ? t('status.demo') : statusText(status, now, t)}
          </p>
        </header>
        <div className="connect__content">
          {gatewayKind === 'demo' ? (
            <p className="connect__demo-active">{t('connect.demoActive')}</p>
          ) : (
            <StateBody status={status} />
          )}
        </div>
        {error && (
          <p className="error-text connect__error" role="alert">
            {error}
          </p>
        )}
        <footer className="connect__actions">
          {(status.state === 'connected' || hasChats) && (
            <button type="button" className="button button--primary" onClick={() => setView('chats')}>
              {status.state === 'connected' ? t('connect.goToChats') : t('connect.backToChats')}
            </button>
          )}
          {canReconnect.has(status.state) && gatewayKind !== 'demo' && (
            <button type="button" className="button" onClick={() => run(reconnect)}>
              {t('connect.reconnect')}
            </button>
          )}
          {gatewayKind === 'demo' && (
            <button type="button" className="button" onClick={() => run(exitDemo)}>
              {t('connect.exitDemo')}
            </button>
          )}
          {gatewayKind !== 'demo' && (
            <span className="connect__demo">
              <button
                type="button"
                className="button"
                disabled={demoPending}
                aria-busy={demoPending}
                onClick={() =>
                  run(async () => {
                    setDemoPending(true);
                    try {
                      await startDemo();
                      setView('chats');
                    } finally {
                      setDemoPending(false);
                    }
                  })
                }
                aria-describedby="connect-demo-hint"
              >
                {t('connect.tryDemo')}
              </button>
              <span id="connect-demo-hint" className="field__hint">
                {t('connect.demoHint')}
              </span>
            </span>
          )}
          <span className="connect__spacer" />
          {/* Only an account actually linked here can be unlinked (never the demo or a fresh install). */}
          {gatewayKind !== 'demo' && linked && canUnlink.has(status.state) && <UnlinkButton onError={setError} />}
        </footer>
      </section>
    </main>
  );
}

function StateBody({ status }: { status: ConnectionStatus }): ReactNode {
  const t = useT();
  const format = useFormatter();
  const setSettingsOpen = useUi((state) => state.setSettingsOpen);
  const [byPhone, setByPhone] = useState(false);
  switch (status.state) {
    case 'starting':
      return <Waiting text={t('connect.startingBody')} />;
    case 'qr':
      return (
        <div className="connect__qr">
          <div className="connect__steps">
            <h2 className="connect__heading">{t('connect.qrTitle')}</h2>
            <ol>
              <li>{t('connect.qrStep1')}</li>
              <li>{t('connect.qrStep2')}</li>
              <li>{t('connect.qrStep3')}</li>
            </ol>
            <button
              type="button"
              className="button button--link"
              aria-expanded={byPhone}
              onClick={() => setByPhone(!byPhone)}
            >
              {byPhone ? t('connect.qrToggle') : t('connect.pairingToggle')}
            </button>
            {byPhone && <PairingForm />}
          </div>
          {!byPhone && (
            <figure className="connect__qr-figure">
              <QrImage qr={status.qr} />
              <figcaption className="field__hint">{t('connect.qrRefreshes')}</figcaption>
            </figure>
          )}
        </div>
      );
    case 'pairing-code':
      return <PairingCode code={status.code} />;
    case 'authenticating':
      return <Waiting text={t('connect.authenticatingBody')} />;
    case 'loading':
      return (
        <div className="connect__loading">
          <p>{t('connect.loadingBody')}</p>
          <progress
            className="connect__progress"
            max={100}
            value={status.percent ?? undefined}
            aria-label={t('status.loading')}
          />
        </div>
      );
    case 'connected':
      return (
        <Message
          title={t('connect.connectedTitle')}
          body={t('connect.connectedBody', { when: format.dateTime(status.since) })}
        />
      );
    case 'disconnected':
      return (
        <Message
          title={t('connect.disconnectedTitle')}
          body={t('connect.disconnectedBody', { reason: status.reason })}
        />
      );
    case 'offline':
      return <Message title={t('connect.offlineTitle')} body={t('connect.offlineBody')} />;
    case 'update-needed':
      return (
        <Message
          title={t('connect.updateNeededTitle')}
          body={t('connect.updateNeededBody', { reason: status.reason })}
        />
      );
    case 'blocked':
      return (
        <Message
          title={t('connect.blockedTitle')}
          body={t('connect.blockedBody', { reason: status.reason })}
          tone="error"
        />
      );
    case 'no-browser':
      return (
        <Message title={t('connect.noBrowserTitle')} body={t('connect.noBrowserBody')} tone="error">
          <button type="button" className="button" onClick={() => setSettingsOpen(true)}>
            {t('connect.openSettings')}
          </button>
        </Message>
      );
  }
}

function Waiting({ text }: { text: string }) {
  return (
    <div className="connect__waiting">
      <div className="spinner" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}

function Message({
  title,
  body,
  tone,
  children,
}: {
  title: string;
  body: string;
  tone?: 'error';
  children?: ReactNode;
}) {
  return (
    <div className={`connect__message${tone ? ` connect__message--${tone}` : ''}`}>
      <h2 className="connect__heading">{title}</h2>
      <p>{body}</p>
      {children}
    </div>
  );
}
