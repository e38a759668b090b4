import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorCodeOf } from '../../../../shared/contract';
import { quickReplySchema, type ChatId, type QuickReply } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { BUILT_IN_PLACEHOLDERS, placeholderNameFor } from '../../../../shared/templates/placeholders';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { usePlural, useT } from '../../i18n/use-i18n';
import { useChats } from '../chats/chats-store';
import { knownCustomFields, useProfiles } from '../profiles/profiles-store';
import { useQuickReplies } from './quick-replies-store';
import { checkQuickReplyText } from './editor-check';
import { newId } from '../../app/new-id';
import { nameKey } from '../../../../shared/text/compare-text';
import { quickReplyActions } from './quick-reply-actions';
import { TemplatePreview } from './template-preview';
import { QuickReplyAttachmentField } from './quick-reply-attachment-field';
import type { OutgoingAttachment } from '../../../../shared/media/media-kind';
import { useTemplateContext } from './use-template-context';

const shortcutPattern = quickReplySchema.shape.shortcut;

interface EditorProps {
  /** null for a new reply. */
  reply: QuickReply | null;
  /** The open chat, whose customer the preview is filled for. */
  chatId: ChatId | null;
  onSaved(reply: QuickReply): void;
  onCancel(): void;
}

/** One quick reply's form, with field advice and a live preview for the open chat's customer. */
export function QuickReplyEditor({ reply, chatId, onSaved, onCancel }: EditorProps) {
  const t = useT();
  const plural = usePlural();
  const language = useSettings(selectLanguage);
  // Built-in fields by the name of the person's language ({{primeiro_nome}} in pt-BR); both names work.
  const shown = (name: string) => placeholderNameFor(name, language);
  const quickReplies = useQuickReplies((state) => state.quickReplies);
  const profiles = useProfiles((state) => state.byChat);
  const fieldNames = useProfiles((state) => state.fieldNames);
  const loadFieldNames = useProfiles((state) => state.loadFieldNames);
  const customerName = useChats((state) => (chatId ? state.byId.get(chatId)?.name : undefined));
  const context = useTemplateContext(chatId);
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [text, setText] = useState(reply?.text ?? '');
  const [attachment, setAttachment] = useState<OutgoingAttachment | undefined>(reply?.attachment);
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: 'shortcut' | 'form'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // Typed work the manager must not throw away on × or Esc without asking.
  const setDirty = useProfiles((state) => state.setManagerDirty);
  const dirty = shortcut !== (reply?.shortcut ?? '') || title !== (reply?.title ?? '') || text !== (reply?.text ?? '');
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);

  // Fresh each time the editor opens; until it answers (or if it fails) loaded profiles still count.
  useEffect(() => {
    loadFieldNames().catch(() => undefined);
  }, [loadFieldNames]);
  const fields = useMemo(() => knownCustomFields(profiles, fieldNames), [profiles, fieldNames]);
  const check = useMemo(() => checkQuickReplyText(text, fields), [text, fields]);
  const preview = useMemo(() => (context && text ? renderTemplate(text, context) : null), [context, text]);

  const clash = quickReplies.find((other) => other.id !== reply?.id && nameKey(other.shortcut) === nameKey(shortcut));
  const shortcutError = !shortcutPattern.safeParse(shortcut.normalize('NFC')).success
    ? t('qr.errorShortcut')
    : clash
      ? t('qr.errorDuplicate', { title: clash.title, shortcut: clash.shortcut })
      : null;
  const titleError = title.trim() === '' ? t('qr.errorTitle') : null;
  const textError = text.trim() === '' ? t('qr.errorText') : null;
  // A duplicate shows at once; "required" only after a save attempt, not while typing the first letter.
  const showShortcutError = shortcutError !== null && (submitted || clash !== undefined || shortcut !== '');

  const insertField = (name: string) => {
    const element = textArea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const inserted = `{{${name}}}`;
    setText(text.slice(0, start) + inserted + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + inserted.length, start + inserted.length);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (shortcutError || titleError || textError) return;
    setSaving(true);
    setServerError(null);
    const saved: QuickReply = {
      id: reply?.id ?? newId('qr'),
      shortcut: shortcut.trim().normalize('NFC'),
      title: title.trim(),
      text,
      ...(attachment ? { attachment } : {}),
    };
    try {
      await quickReplyActions.save(saved);
      onSaved(saved);
    } catch (caught) {
      const code = errorCodeOf(caught);
      setServerError({ field: code === 'duplicate-shortcut' ? 'shortcut' : 'form', text: t(errorMessageKey(caught)) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="qr-editor" onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="qr-editor__title">
        {reply ? t('qr.editorEdit', { shortcut: reply.shortcut }) : t('qr.editorNew')}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-shortcut`}>
          {t('qr.shortcut')}
        </label>
        <span className="qr-editor__shortcut">
          <span aria-hidden="true">/</span>
          <input
            id={`${id}-shortcut`}
            className="input"
            value={shortcut}
            maxLength={30}
            spellCheck={false}
            autoFocus={reply === null}
            aria-invalid={showShortcutError || serverError?.field === 'shortcut'}
            aria-describedby={`${id}-shortcut-hint`}
            onChange={(event) => {
              setShortcut(event.target.value.replace(/^\/+/, '').replace(/\s/g, ''));
              setServerError(null);
            }}
          />
        </span>
        <span
          id={`${id}-shortcut-hint`}
          className={showShortcutError || serverError?.field === 'shortcut' ? 'error-text' : 'field__hint'}
        >
          {serverError?.field === 'shortcut'
            ? serverError.text
            : showShortcutError
              ? shortcutError
              : t('qr.shortcutHint')}
        </span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-title`}>
          {t('qr.title')}
        </label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          maxLength={80}
          aria-invalid={submitted && titleError !== null}
          aria-describedby={`${id}-title-error`}
          onChange={(event) => setTitle(event.target.value)}
        />
        {submitted && titleError && (
          <span id={`${id}-title-error`} className="error-text">
            {titleError}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('qr.text')}
        </label>
        <textarea
          id={`${id}-text`}
          ref={textArea}
          className="input qr-editor__text"
          value={text}
          rows={5}
          maxLength={4096}
          aria-invalid={submitted && textError !== null}
          aria-describedby={`${id}-text-error ${id}-advice`}
          onChange={(event) => setText(event.target.value)}
        />
        {submitted && textError && (
          <span id={`${id}-text-error`} className="error-text">
            {textError}
          </span>
        )}
      </div>
      <QuickReplyAttachmentField attachment={attachment} onChange={setAttachment} />
      <div className="qr-editor__fields" role="group" aria-label={t('qr.insertField')}>
        <span className="field__label">{t('qr.insertField')}</span>
        {[...BUILT_IN_PLACEHOLDERS, ...fields].map((name) => (
          <button key={name} type="button" className="qr-field-chip" onClick={() => insertField(shown(name))}>
            {shown(name)}
          </button>
        ))}
      </div>
      <div id={`${id}-advice`} className="qr-editor__advice">
        <p className="field__hint">
          {t('qr.fallbackHint', { example: `{{${shown('first_name')}|${t('qr.fallbackExample')}}}` })}
        </p>
        {check.impossible.length > 0 && (
          <p className="qr-warning" data-warning="unknown">
            {plural('qr.warnUnknown', check.impossible.length, {
              names: check.impossible.map((name) => `{{${name}}}`).join(', '),
            })}
          </p>
        )}
        {check.suggestions.map(({ name, suggestion }) => (
          <p key={name} className="qr-warning" data-warning="suggestion">
            {t('qr.warnSuggest', { suggestion: `{{${shown(suggestion)}}}`, name: `{{${name}}}` })}
          </p>
        ))}
        {check.unseen.filter((name) => !check.suggestions.some((entry) => entry.name === name)).length > 0 && (
          <p className="qr-warning qr-warning--soft" data-warning="unseen">
            {plural(
              'qr.warnNewField',
              check.unseen.filter((name) => !check.suggestions.some((entry) => entry.name === name)).length,
              {
                names: check.unseen
                  .filter((name) => !check.suggestions.some((entry) => entry.name === name))
                  .map((name) => `{{${name}}}`)
                  .join(', '),
              },
            )}
          </p>
        )}
        {check.malformed && (
          <p className="qr-warning" data-warning="malformed">
            {t('qr.warnMalformed', { example: `{{${shown('first_name')}}}` })}
          </p>
        )}
      </div>
      {preview && (
        <div className="qr-editor__preview" aria-live="polite">
          <span className="field__label">
            {customerName ? t('qr.previewFor', { name: customerName }) : t('qr.previewSample')}
          </span>
          <p className="qr-editor__bubble" data-testid="qr-preview">
            <TemplatePreview segments={preview.segments} />
          </p>
          {preview.missing.length > 0 && (
            <p className="field__hint">
              {plural('qr.previewMissing', preview.missing.length, {
                names: preview.missing.map((name) => `{{${shown(name)}}}`).join(', '),
              })}
            </p>
          )}
        </div>
      )}
      {serverError?.field === 'form' && (
        <p className="error-text" role="alert">
          {serverError.text}
        </p>
      )}
      <div className="qr-editor__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('qr.save')}
        </button>
      </div>
    </form>
  );
}
