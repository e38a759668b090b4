import { useRef, type KeyboardEvent } from 'react';
import type { ChatId } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { QuickReplyPanel } from '../quick-replies/quick-reply-panel';
import { QuickRepliesManager } from '../quick-replies/quick-replies-manager';
import { ProfilePanel } from './profile-panel';
import { useSidePanel, type SidePanelTab } from './side-panel-store';
import './profile.css';

const tabs: readonly SidePanelTab[] = ['profile', 'quick-replies'];

/** Beside the conversation: the customer's profile, and the quick replies filled for them. */
export function SidePanel({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const tab = useSidePanel((state) => state.tab);
  const setTab = useSidePanel((state) => state.setTab);
  const tabRefs = useRef(new Map<SidePanelTab, HTMLButtonElement>());

  // Tabs follow the ARIA pattern: arrows move between them, the panel below follows.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + 1) % tabs.length] ?? 'profile';
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t('profile.panelLabel')}>
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
