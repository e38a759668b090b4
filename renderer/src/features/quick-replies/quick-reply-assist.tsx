/**
 * The composer's quick-reply help: the `/` picker, and the notice (and send guard) that keeps a
 * placeholder from reaching a customer while pointing to where its value is filled.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  hasUnfilledPlaceholder,
  placeholderNameFor,
  type PlaceholderSource,
} from '../../../../shared/templates/placeholders';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { filterQuickReplies } from '../../../../shared/quick-replies/filter-quick-replies';
import type { ComposerAssistProps, ComposerKeyHandler } from '../../app/extension-slots';
import { useT } from '../../i18n/use-i18n';
import { useProfiles } from '../profiles/profiles-store';
import { useQuickReplies } from './quick-replies-store';
import { useConversation } from '../conversation/conversation-store';
import { checkDraft } from './draft-check';
import { DraftNotice } from './draft-notice';
import { findSlashTrigger } from './slash-trigger';
import { TemplatePreview } from './template-preview';
import { useTemplateContext } from './use-template-context';

const MAX_OPTIONS = 8;

export function QuickReplyAssist({
  chatId,
  text,
  setText,
  textarea,
  setKeyHandler,
  setSendGuard,
  windowClosed,
}: ComposerAssistProps) {
  const t = useT();
  const language = useSettings(selectLanguage);
  const quickReplies = useQuickReplies((state) => state.quickReplies);
  const ensureProfile = useProfiles((state) => state.ensureLoaded);
  const register = useQuickReplies((state) => state.registerInserter);
  const context = useTemplateContext(chatId);
  const [caret, setCaret] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  /** The slash the person closed the picker for with Esc; typing elsewhere forgets it. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  /** The option the person moved to with the arrows (or the mouse), for the query it was chosen in. */
  const [active, setActive] = useState<{ query: string; index: number } | null>(null);
  const pendingCaret = useRef<number | null>(null);

  useEffect(() => {
    void ensureProfile(chatId);
  }, [chatId, ensureProfile]);

  // The caret moves without React knowing (arrows, clicks): follow it from the element itself.
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    const follow = (event?: Event) => {
      const position = element.selectionStart;
      setCaret(position);
      const trigger = findSlashTrigger(element.value, position);
      // A slash just typed always opens the picker, even where an earlier one was dismissed.
      const freshSlash = event?.type === 'input' && trigger?.query === '';
      setDismissedAt((dismissed) => (trigger && !freshSlash && trigger.start === dismissed ? dismissed : null));
    };
    const onFocus = () => {
      setFocused(true);
      follow();
    };
    const onBlur = () => setFocused(false);
    const events = ['input', 'keyup', 'click', 'select'] as const;
    events.forEach((name) => element.addEventListener(name, follow));
    element.addEventListener('focus', onFocus);
    element.addEventListener('blur', onBlur);
    if (document.activeElement === element) onFocus();
    return () => {
      events.forEach((name) => element.removeEventListener(name, follow));
      element.removeEventListener('focus', onFocus);
      element.removeEventListener('blur', onBlur);
    };
  }, [textarea]);

  // After an insertion, put the caret at the end of what was inserted.
  useLayoutEffect(() => {
    const element = textarea.current;
    const position = pendingCaret.current;
    if (!element || position === null) return;
    pendingCaret.current = null;
    element.focus();
    element.setSelectionRange(position, position);
  }, [text, textarea]);

  const trigger = caret === null || !focused ? null : findSlashTrigger(text, caret);
  const open = trigger !== null && trigger.start !== dismissedAt;
  const options = useMemo(
    () => (open && trigger ? filterQuickReplies(quickReplies, trigger.query).slice(0, MAX_OPTIONS) : []),
    [open, trigger?.query, quickReplies], // eslint-disable-line react-hooks/exhaustive-deps -- the query is what matters, not the object
  );
  // Nothing is highlighted until the person moves into the list, so Enter sends what was typed;
  // a query that is a whole shortcut ("/pix") is a choice already.
  const exactIndex = trigger
    ? options.findIndex((reply) => reply.shortcut.toLowerCase() === trigger.query.toLowerCase())
    : -1;
  const movedIndex =
    trigger && active?.query === trigger.query ? Math.min(active.index, Math.max(0, options.length - 1)) : null;
  const activeIndex = movedIndex ?? exactIndex;
  const activeReply = activeIndex >= 0 ? options[activeIndex] : undefined;

  const insertAt = useCallback(
    (insert: string, replaced: { start: number; end: number }) => {
      const next = text.slice(0, replaced.start) + insert + text.slice(replaced.end);
      pendingCaret.current = replaced.start + insert.length;
      setText(next);
      setCaret(pendingCaret.current);
    },
    [text, setText],
  );

  const choose = useCallback(
    (replyId: string) => {
      const reply = quickReplies.find((candidate) => candidate.id === replyId);
      if (!reply || !trigger || !context) return;
      // Missing values stay as their placeholder, visible for editing; the notice and guard take over.
      const rendered = renderTemplate(reply.text, context).text;
      insertAt(rendered, { start: trigger.start, end: trigger.start + 1 + trigger.query.length });
      if (reply.attachment) useConversation.getState().stageAttachment(chatId, reply.attachment);
    },
    [quickReplies, trigger, context, insertAt, chatId],
  );

  // The side panel's list inserts at the caret (or over the selection) of this composer.
  useEffect(
    () =>
      register(chatId, (insert) => {
        const element = textarea.current;
        const start = element?.selectionStart ?? text.length;
        const end = element?.selectionEnd ?? text.length;
        insertAt(insert, { start, end });
      }),
    [chatId, register, textarea, text, insertAt],
  );

  useEffect(() => {
    const handler: ComposerKeyHandler = (event) => {
      if (!open || !trigger) return false;
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(trigger.start);
        return true;
      }
      if (options.length === 0) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        const from = activeIndex >= 0 ? activeIndex : down ? -1 : 0;
        setActive({ query: trigger.query, index: (from + (down ? 1 : -1) + options.length) % options.length });
        return true;
      }
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        if (!activeReply) return false;
        event.preventDefault();
        choose(activeReply.id);
        return true;
      }
      // Tab completes with the highlighted option, or the best match when none is highlighted.
      const completion = activeReply ?? options[0];
      if (event.key === 'Tab' && !event.shiftKey && completion) {
        event.preventDefault();
        choose(completion.id);
        return true;
      }
      return false;
    };
    setKeyHandler(handler);
    return () => setKeyHandler(null);
  }, [open, trigger, options, activeIndex, activeReply, choose, setKeyHandler]);

  const check = useMemo(() => checkDraft(text, context), [text, context]);

  useEffect(() => {
    setSendGuard((draft) => {
      if (!hasUnfilledPlaceholder(draft)) return null;
      const { problems } = checkDraft(draft, context);
      // Each missing field is filled in one place: say which, per place.
      const missingIn = (sources: readonly PlaceholderSource[]) =>
        problems.flatMap((problem) =>
          problem.kind === 'missing' && sources.includes(problem.source)
            ? [placeholderNameFor(problem.field, language)]
            : [],
        );
      const refusals = [
        [missingIn(['profile']), 'qr.blockedMissingProfile'],
        [missingIn(['settings']), 'qr.blockedMissingSettings'],
        [missingIn(['conversation', 'none']), 'qr.blockedMissingText'],
      ] as const;
      const said = refusals.flatMap(([fields, key]) =>
        fields.length > 0 ? [t(key, { fields: fields.join(', ') })] : [],
      );
      if (said.length > 0) return said.join(' ');
      return problems.length === 0 ? t('qr.blockedFillable') : t('qr.blockedOther');
    });
    return () => setSendGuard(null);
  }, [context, setSendGuard, t, language]);

  // While the picker is open the text box is an ARIA combobox that owns its listbox, and screen
  // readers follow the highlighted option while focus (and the caret) stays in the text box.
  // Closed, it is a plain text box again (the role every other part of the app and its tests know).
  const listboxId = `qr-picker-${chatId.replace(/\W/g, '-')}`;
  const expanded = open && options.length > 0;
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    const set = (name: string, value: string | null) =>
      value === null ? element.removeAttribute(name) : element.setAttribute(name, value);
    set('role', expanded ? 'combobox' : null);
    set('aria-autocomplete', expanded ? 'list' : null);
    set('aria-expanded', expanded ? 'true' : null);
    set('aria-controls', expanded ? listboxId : null);
    set('aria-activedescendant', expanded && activeReply ? `${listboxId}-${activeReply.id}` : null);
  }, [expanded, activeReply, listboxId, textarea]);

  return (
    <>
      {check.problems.length > 0 || check.filled !== null ? (
        <DraftNotice chatId={chatId} check={check} onFill={(filled) => setText(filled)} />
      ) : null}
      {open && trigger && (
        <div className="qr-picker-anchor">
          <div className="qr-picker">
            {windowClosed && (
              <p className="qr-picker__closed" role="note">
                {t('qr.pickerWindowClosed')}
              </p>
            )}
            {options.length > 0 ? (
              <>
                <ul className="qr-picker__list" role="listbox" id={listboxId} aria-label={t('qr.picker')}>
                  {options.map((reply, index) => {
                    const preview = context ? renderTemplate(reply.text, context) : null;
                    return (
                      <li
                        key={reply.id}
                        id={`${listboxId}-${reply.id}`}
                        role="option"
                        aria-selected={index === activeIndex}
                        className="qr-picker__option"
                        // Keep the focus (and the caret) in the text box.
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseMove={() => index !== activeIndex && setActive({ query: trigger.query, index })}
                        onClick={() => choose(reply.id)}
                      >
                        <span className="qr-picker__head">
                          <span className="qr-shortcut">/{reply.shortcut}</span>
                          <span className="qr-picker__title">{reply.title}</span>
                        </span>
                        {preview && <TemplatePreview className="qr-picker__preview" segments={preview.segments} />}
                      </li>
                    );
                  })}
                </ul>
                <p className="qr-picker__hint" aria-hidden="true">
                  {t('qr.pickerHint')}
                </p>
              </>
            ) : (
              <p className="qr-picker__empty" role="status">
                {quickReplies.length === 0 ? t('qr.pickerNone') : t('qr.pickerNoMatch', { query: trigger.query })}
              </p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
