/** What a notice says, in the person's language: what happened and what to do about it. */
import type { Notice } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';

export function noticeText(notice: Notice, t: Translate): string {
  switch (notice.kind) {
    case 'store-recovered':
      return recoveryText(notice, t);
    case 'store-write-failed':
      // File names and error codes stay in the log: the banner says the cause and the remedy.
      return t(`notice.storeWriteFailed.${notice.cause ?? 'other'}`);
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
