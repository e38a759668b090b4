/**
 * Every stylesheet, in the one order the cascade relies on. With screens in chunks of their own
 * (`lazy-screens.tsx`), the order chunks arrive in would otherwise decide which of two equal rules
 * wins; the build writes one CSS file (`build.cssCodeSplit: false`) in the order of these imports,
 * the first import of a file placing it. This is the order the single bundle had before the split.
 */
import '../features/automations/automations.css';
import '../features/profiles/profile.css';
import '../features/chats/chat-list.css';
import '../features/chats/message-search-results.css';
import '../features/connect/connect.css';
import '../features/quick-replies/quick-replies.css';
import '../features/metrics/conversation-metrics.css';
import '../features/media/media.css';
import '../features/conversation/conversation.css';
import '../features/metrics/metrics.css';
import '../features/notices/notices.css';
import '../features/bookings/staff-screens.css';
import '../features/notifications/notifications.css';
import '../features/settings/settings.css';
import './app.css';
import './base.css';
