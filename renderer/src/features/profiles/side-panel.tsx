import { useRef, type KeyboardEvent } from 'react';
import type { ChatId } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { QuickReplyPanel } from '../quick-replies/quick-reply-panel';
import { QuickRepliesManager } from '../quick-replies/quick-replies-manager';
import { ProfilePanel } from './profile-panel';
import { useProfiles, type SidePanelTab } from './profiles-store';

const tabs: readonly SidePanelTab[] = ['profile', 'quick-replies'];

/** Beside the conversation: the customer's profile, and the quick replies filled for them. */
export function SidePanel({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const tab = useProfiles((state) => state.sidePanelTab);
  const setTab = useProfiles((state) => state.setSidePanelTab);
  const tabRefs = useRef(new Map<SidePanelTab, HTMLButtonElement>());
  const shown = useProfiles((state) => state.sidePanelShown);

  // Tabs follow the ARIA pattern: arrows move between them, the panel below follows.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + 1) % tabs.length] ?? 'profile';
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  // Hidden, only the quick-reply manager (a dialog) stays, so it can still be opened.
  if (!shown) return <QuickRepliesManager chatId={chatId} />;

  return (
    <aside id="side-panel" className="side-panel" aria-label={t('profile.panelLabel')}>
      <div className="side-panel__tabs" role="tablist" aria-label={t('profile.panelLabel')} onKeyDown={onKeyDown}>
        {tabs.map((name) => (
          <button
            key={name}
            ref={(element) => {
              if (element) tabRefs.current.set(name, element);
            }}
            type="button"
            role="tab"
            id={`side-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`side-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="side-panel__tab"
            onClick={() => setTab(name)}
          >
            {name === 'profile' ? t('profile.tab') : t('qr.tab')}
          </button>
        ))}
      </div>
      <div
        className="side-panel__body"
        role="tabpanel"
        id="side-panel-profile"
        aria-labelledby="side-tab-profile"
        hidden={tab !== 'profile'}
      >
        <ProfilePanel key={chatId} chatId={chatId} />
      </div>
      <div
        className="side-panel__body"
        role="tabpanel"
        id="side-panel-quick-replies"
        aria-labelledby="side-tab-quick-replies"
        hidden={tab !== 'quick-replies'}
      >
        <QuickReplyPanel chatId={chatId} />
      </div>
      <QuickRepliesManager chatId={chatId} />
    </aside>
  );
}

/** The conversation header's button that hides or shows the customer panel. */
export function SidePanelToggle() {
  const t = useT();
  const shown = useProfiles((state) => state.sidePanelShown);
  const setShown = useProfiles((state) => state.setSidePanelShown);
  return (
    <button
      type="button"
      className="icon-button side-panel-toggle"
      aria-expanded={shown}
      aria-controls={shown ? 'side-panel' : undefined}
      aria-label={shown ? t('profile.hidePanel') : t('profile.showPanel')}
      title={shown ? t('profile.hidePanel') : t('profile.showPanel')}
      onClick={() => setShown(!shown)}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm10 2v12h6V6h-6Z"
        />
      </svg>
    </button>
  );
}
