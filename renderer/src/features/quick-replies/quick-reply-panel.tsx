import { useMemo, useState } from 'react';
import type { ChatId } from '../../../../shared/domain';
import { filterQuickReplies } from '../../../../shared/quick-replies/filter-quick-replies';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { useT } from '../../i18n/use-i18n';
import { useQuickReplies } from './quick-replies-store';
import { useProfiles } from '../profiles/profiles-store';
import { useConversation } from '../conversation/conversation-store';
import { TemplatePreview } from './template-preview';
import { useTemplateContext } from './use-template-context';

/** Every quick reply as this customer would receive it; a click puts it in the composer. */
export function QuickReplyPanel({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const quickReplies = useQuickReplies((state) => state.quickReplies);
  const context = useTemplateContext(chatId);
  const inserter = useQuickReplies((state) => state.inserters.get(chatId));
  const stageAttachment = useConversation((state) => state.stageAttachment);
  const setManagerOpen = useProfiles((state) => state.setManagerOpen);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => filterQuickReplies(quickReplies, search), [quickReplies, search]);

  return (
    <div className="qr-panel">
      <div className="qr-panel__tools">
        <input
          type="search"
          className="input qr-panel__search"
          aria-label={t('qr.panelSearch')}
          placeholder={t('qr.panelSearch')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="button" className="button" onClick={() => setManagerOpen(true)}>
          {t('qr.manage')}
        </button>
      </div>
      <p className="qr-panel__hint">{t('qr.panelHint')}</p>
      {shown.length === 0 && (
        <p className="qr-panel__hint">{quickReplies.length === 0 ? t('qr.pickerNone') : t('qr.panelNoMatch')}</p>
      )}
      <ul className="qr-panel__list">
        {shown.map((reply) => {
          const result = context ? renderTemplate(reply.text, context) : null;
          return (
            <li key={reply.id}>
              <button
                type="button"
                className={`qr-card${result && !result.complete ? ' qr-card--incomplete' : ''}`}
                aria-label={t('qr.panelInsert', { shortcut: reply.shortcut, title: reply.title })}
                aria-describedby={`qr-card-${reply.id}`}
                disabled={!inserter || !result}
                onClick={() => {
                  if (!result || !inserter) return;
                  inserter(result.text);
                  if (reply.attachment) stageAttachment(chatId, reply.attachment);
                }}
              >
                <span className="qr-card__head">
                  <span className="qr-shortcut">/{reply.shortcut}</span>
                  <span className="qr-card__title">{reply.title}</span>
                  {reply.attachment && <span className="qr-card__attachment">📎 {reply.attachment.filename}</span>}
                </span>
                {result && (
                  <span id={`qr-card-${reply.id}`} className="qr-card__text">
                    <TemplatePreview segments={result.segments} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
