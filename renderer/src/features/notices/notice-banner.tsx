import type { Notice } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useNotices } from './notices-store';
import './notices.css';

function noticeText(notice: Notice, t: Translate): string {
  switch (notice.kind) {
    case 'store-recovered':
      return recoveryText(notice, t);
    case 'store-write-failed':
      return t('notice.storeWriteFailed', { detail: notice.detail });
  }
}

/** What came back and what did not, in the person's words; the technical detail is in the log. */
function recoveryText(notice: Notice, t: Translate): string {
  const parts = (list: NonNullable<Notice['restored']>) =>
    list.map((part) => t(`notice.recovery.part.${part}`)).join('; ');
  const restored = notice.restored ?? [];
  const lost = notice.lost ?? [];
  return [
    t('notice.recovery.intro'),
    ...(restored.length > 0 ? [t('notice.recovery.restored', { parts: parts(restored) })] : []),
    lost.length > 0 ? t('notice.recovery.lost', { parts: parts(lost) }) : t('notice.recovery.nothingLost'),
  ].join(' ');
}

/** What the backend needs the person to know (a recovered data file…), until they dismiss it. */
export function NoticeBanner() {
  const t = useT();
  const format = useFormatter();
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notice.regionLabel')}>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.kind}`} role="alert" data-notice-kind={notice.kind}>
          <span className="notice__icon" aria-hidden="true">
            !
          </span>
          <p className="notice__text">
            {noticeText(notice, t)} <time className="notice__time">{format.dateTime(notice.at)}</time>
          </p>
          <button type="button" className="button" onClick={() => void dismiss(notice.id).catch(() => undefined)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
