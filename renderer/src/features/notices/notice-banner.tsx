import { useFormatter, useT } from '../../i18n/use-i18n';
import { noticeText } from './notice-text';
import { useNotices } from './notices-store';

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
