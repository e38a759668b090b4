import { useState } from 'react';
import { useModalDialog } from '../../app/use-modal-dialog';
import { useT } from '../../i18n/use-i18n';
import type { WindowState } from '../../../../shared/chats/window-rules';

const states: readonly {
  state: WindowState;
  label: 'legend.openState' | 'legend.closingState' | 'legend.closedState';
  text: 'legend.openText' | 'legend.closingText' | 'legend.closedText';
}[] = [
  { state: 'open', label: 'legend.openState', text: 'legend.openText' },
  { state: 'closing', label: 'legend.closingState', text: 'legend.closingText' },
  { state: 'closed', label: 'legend.closedState', text: 'legend.closedText' },
];

/** "What do the colours mean?": the badges and the 24-hour rule on one screen, from the list. */
export function WindowLegend() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  return (
    <>
      <button
        type="button"
        className="chat-list__legend-button"
        aria-label={t('legend.open')}
        title={t('legend.open')}
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <dialog
        ref={dialog}
        className="dialog window-legend"
        aria-labelledby="window-legend-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="window-legend-title" className="dialog__title">
          {t('legend.title')}
        </h2>
        <p>{t('legend.intro')}</p>
        <dl className="window-legend__list">
          {states.map(({ state, label, text }) => (
            <div key={state} className="window-legend__item">
              <dt>
                <span className={`window-badge window-badge--${state}`}>
                  <span className="window-badge__dot" aria-hidden="true" />
                  {t(label)}
                </span>
              </dt>
              <dd>{t(text)}</dd>
            </div>
          ))}
          <div className="window-legend__item">
            <dt>
              <span className="chat-row__unanswered">{t('chatList.unanswered')}</span>
            </dt>
            <dd>{t('legend.unansweredText')}</dd>
          </div>
        </dl>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => setOpen(false)}>
            {t('legend.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
