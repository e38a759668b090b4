/**
 * What the quick-reply screens ask of the backend. Each answer is the whole new list, put in the
 * store at once (the backend's `quickRepliesChanged` brings the same list to other windows).
 */
import type { QuickReply } from '../../../../shared/domain';
import { api } from '../../bridge/api';
import { useQuickReplies } from './quick-replies-store';

const keep = (list: QuickReply[]) => {
  useQuickReplies.getState().set(list);
  return list;
};

export const quickReplyActions = {
  save: async (reply: QuickReply) => keep(await api().saveQuickReply(reply)),
  remove: async (id: string) => keep(await api().deleteQuickReply({ id })),
  reorder: async (ids: string[]) => keep(await api().reorderQuickReplies({ ids })),
  /** All or nothing: a bad file throws `invalid-import` and the list stays as it was. */
  importFile: async (json: string) => keep(await api().importQuickReplies({ json })),
  exportFile: async () => (await api().exportQuickReplies({})).json,
};

export const EXPORT_FILE_NAME = 'janela-quick-replies.json';

/** A Blob link download: the same code saves a file in the browser host and in Electron. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
