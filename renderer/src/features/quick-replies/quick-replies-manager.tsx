import { useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { useModalDialog } from '../../app/use-modal-dialog';
import type { ChatId, QuickReply } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { useFormatter, usePlural, useT } from '../../i18n/use-i18n';
import { importFileTooLarge } from './import-file-size';
import { useQuickReplies } from './quick-replies-store';
import { useProfiles } from '../profiles/profiles-store';
import { downloadText, EXPORT_FILE_NAME, quickReplyActions } from './quick-reply-actions';
import { QuickReplyEditor } from './quick-reply-editor';
import { placeholderNameFor } from '../../../../shared/templates/placeholders';
import { selectLanguage, useSettings } from '../settings/settings-store';

type Feedback = { kind: 'status' | 'error'; text: string } | null;
/** `new` while writing a reply that is not saved yet. */
type Editing = { id: string } | { id: null } | null;

/** The quick-reply list in a modal: create, edit, delete, reorder, import and export. */
export function QuickRepliesManager({ chatId }: { chatId: ChatId | null }) {
  const t = useT();
  const open = useProfiles((state) => state.managerOpen);
  const setOpen = useProfiles((state) => state.setManagerOpen);
  const dirty = useProfiles((state) => state.managerDirty);
  const dialog = useModalDialog(open);
  const [askingDiscard, setAskingDiscard] = useState(false);
  const discard = useModalDialog(askingDiscard);

  // × and Esc never throw away a reply being written: they ask first.
  const requestClose = () => (dirty ? setAskingDiscard(true) : setOpen(false));

  return (
    <dialog
      ref={dialog}
      className="dialog qr-manager"
      aria-labelledby="qr-manager-title"
      // React hands these on from the nested "discard?" dialog too: act on this dialog's own only.
      onCancel={(event) => {
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        requestClose();
      }}
      onClose={(event) => event.target === event.currentTarget && setOpen(false)}
    >
      <div className="qr-manager__header">
        <h2 id="qr-manager-title" className="dialog__title">
          {t('qr.managerTitle')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.close')}
          title={t('app.close')}
          onClick={requestClose}
        >
          ×
        </button>
      </div>
      {open && <ManagerBody chatId={chatId} />}
      <dialog
        ref={discard}
        className="dialog dialog--small"
        aria-labelledby="qr-discard-title"
        onClose={() => setAskingDiscard(false)}
      >
        <h2 id="qr-discard-title" className="dialog__title">
          {t('qr.discardTitle')}
        </h2>
        <p>{t('qr.discardBody')}</p>
        <div className="dialog__actions">
          <button type="button" className="button" autoFocus onClick={() => setAskingDiscard(false)}>
            {t('qr.keepEditing')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setAskingDiscard(false);
              setOpen(false);
            }}
          >
            {t('qr.discard')}
          </button>
        </div>
      </dialog>
    </dialog>
  );
}

function ManagerBody({ chatId }: { chatId: ChatId | null }) {
  const t = useT();
  const plural = usePlural();
  const language = useSettings(selectLanguage);
  const { locale } = useFormatter();
  const quickReplies = useQuickReplies((state) => state.quickReplies);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);

  // A moved row keeps the focus on its arrow, or the other one when it reached the end.
  useLayoutEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const row = list.current?.querySelector<HTMLElement>(`[data-reply-id="${CSS.escape(focus.id)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${focus.direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${focus.direction === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [quickReplies]);

  const fail = (caught: unknown) => setFeedback({ kind: 'error', text: t(errorMessageKey(caught)) });

  const move = async (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1;
    const ids = quickReplies.map((reply) => reply.id);
    const moving = ids[index];
    const other = ids[target];
    if (moving === undefined || other === undefined) return;
    ids[index] = other;
    ids[target] = moving;
    pendingFocus.current = { id: moving, direction };
    try {
      await quickReplyActions.reorder(ids);
      setFeedback(null);
    } catch (caught) {
      fail(caught);
    }
  };

  const remove = async (reply: QuickReply) => {
    try {
      await quickReplyActions.remove(reply.id);
      setConfirming(null);
      if (editing?.id === reply.id) setEditing(null);
      setFeedback(null);
    } catch (caught) {
      fail(caught);
    }
  };

  const importChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Choosing the same file again must fire again.
    event.target.value = '';
    if (!file) return;
    const tooLarge = importFileTooLarge(file.size, locale);
    if (tooLarge) return setFeedback({ kind: 'error', text: t('qr.importTooLarge', tooLarge) });
    try {
      const list = await quickReplyActions.importFile(await file.text());
      setFeedback({ kind: 'status', text: plural('qr.imported', list.length) });
    } catch (caught) {
      fail(caught);
    }
  };

  const exportAll = async () => {
    try {
      downloadText(EXPORT_FILE_NAME, await quickReplyActions.exportFile());
      setFeedback({ kind: 'status', text: plural('qr.exported', quickReplies.length, { file: EXPORT_FILE_NAME }) });
    } catch (caught) {
      fail(caught);
    }
  };

  const editingReply = editing?.id ? quickReplies.find((reply) => reply.id === editing.id) : undefined;

  return (
    <div className="qr-manager__content">
      <p className="field__hint qr-manager__hint">
        {t('qr.managerHint', { example: `{{${placeholderNameFor('first_name', language)}}}` })}
      </p>
      <div className="qr-manager__toolbar">
        <button type="button" className="button button--primary" onClick={() => setEditing({ id: null })}>
          {t('qr.new')}
        </button>
        <span className="qr-manager__spacer" />
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('qr.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('qr.importFile')}
          onChange={(event) => void importChosen(event)}
        />
        <button type="button" className="button" onClick={() => void exportAll()}>
          {t('qr.export')}
        </button>
      </div>
      <div className="qr-manager__feedback">
        {feedback?.kind === 'status' && <p role="status">{feedback.text}</p>}
        {feedback?.kind === 'error' && (
          <p className="error-text" role="alert">
            {feedback.text}
          </p>
        )}
      </div>
      <div className="qr-manager__body">
        {quickReplies.length === 0 ? (
          <p className="qr-manager__empty">{t('qr.empty')}</p>
        ) : (
          <ol ref={list} className="qr-manager__list" aria-label={t('qr.listLabel')}>
            {quickReplies.map((reply, index) => (
              <li
                key={reply.id}
                data-reply-id={reply.id}
                className={`qr-row${editing?.id === reply.id ? ' qr-row--selected' : ''}`}
              >
                <button
                  type="button"
                  className="qr-row__main"
                  aria-label={t('qr.edit', { shortcut: reply.shortcut })}
                  onClick={() => setEditing({ id: reply.id })}
                >
                  <span className="qr-row__head">
                    <span className="qr-shortcut">/{reply.shortcut}</span>
                    <span className="qr-row__title">{reply.title}</span>
                  </span>
                  <span className="qr-row__text">{reply.text}</span>
                </button>
                <div className="qr-row__actions">
                  <button
                    type="button"
                    className="icon-button"
                    data-move="up"
                    disabled={index === 0}
                    aria-label={t('qr.moveUp', { shortcut: reply.shortcut })}
                    title={t('qr.moveUp', { shortcut: reply.shortcut })}
                    onClick={() => void move(index, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-move="down"
                    disabled={index === quickReplies.length - 1}
                    aria-label={t('qr.moveDown', { shortcut: reply.shortcut })}
                    title={t('qr.moveDown', { shortcut: reply.shortcut })}
                    onClick={() => void move(index, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={t('qr.delete', { shortcut: reply.shortcut })}
                    title={t('qr.delete', { shortcut: reply.shortcut })}
                    onClick={() => setConfirming(reply.id)}
                  >
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                      <path
                        fill="currentColor"
                        d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h1.5v-8H10Zm3.5 0v8H15v-8h-1.5Z"
                      />
                    </svg>
                  </button>
                </div>
                {confirming === reply.id && (
                  <div
                    className="qr-row__confirm"
                    role="group"
                    aria-label={t('qr.confirmDelete', { shortcut: reply.shortcut })}
                  >
                    <span>{t('qr.confirmDelete', { shortcut: reply.shortcut })}</span>
                    <button
                      type="button"
                      className="button button--danger-solid"
                      autoFocus
                      onClick={() => void remove(reply)}
                    >
                      {t('qr.deleteConfirm')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      {t('app.cancel')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        <section
          className="qr-manager__editor"
          aria-label={editingReply ? t('qr.editorEdit', { shortcut: editingReply.shortcut }) : t('qr.editorNew')}
        >
          {editing === null || (editing.id !== null && !editingReply) ? (
            <p className="qr-manager__empty">{t('qr.pickToEdit')}</p>
          ) : (
            <QuickReplyEditor
              key={editing.id ?? 'new'}
              reply={editingReply ?? null}
              chatId={chatId}
              onSaved={(saved) => {
                setEditing({ id: saved.id });
                setFeedback({ kind: 'status', text: t('qr.saved') });
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </section>
      </div>
    </div>
  );
}
