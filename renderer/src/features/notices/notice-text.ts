/** What a notice says, in the person's language: what happened and what to do about it. */
import type { Notice } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';

export function noticeText(notice: Notice, t: Translate): string {
  switch (notice.kind) {
    case 'store-recovered':
      return t('notice.storeRecovered', { detail: notice.detail });
    case 'store-write-failed':
      // File names and error codes stay in the log: the banner says the cause and the remedy.
      return t(`notice.storeWriteFailed.${notice.cause ?? 'other'}`);
  }
}
