/** Things the person must be told about the store (a recovery, a failing disk) until dismissed. */
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { NoticeBoard } from '../backend';
import type { StoreNotice } from '../store/store-types';

export function createNoticeBoard(clock: Clock): NoticeBoard & { add(notice: StoreNotice): void } {
  let notices: Notice[] = [];
  return {
    list: () => notices,
    add(notice) {
      // A failing disk reports on every flush: keep one notice per kind and detail.
      const same = (existing: Notice) =>
        existing.kind === notice.kind && existing.cause === notice.cause && existing.detail === notice.detail;
      if (notices.some(same)) return;
      const { kind, cause, detail } = notice;
      const parts = notice.restored || notice.lost ? { restored: notice.restored ?? [], lost: notice.lost ?? [] } : {};
      notices = [
        ...notices,
        { id: randomUUID(), kind, ...(cause ? { cause } : {}), detail, at: clock.now(), ...parts },
      ];
    },
    dismiss(id) {
      notices = notices.filter((notice) => notice.id !== id);
    },
  };
}
