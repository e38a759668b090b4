/** The numbered menu's options: each a label in the shop's language and what picking it does. */
import type { FaqRule } from '../../../../shared/automations/faq-matching';
import {
  MAX_MENU_OPTIONS,
  chatFlowNameSchema,
  type MenuAction,
  type MenuOption,
} from '../../../../shared/automations/menu';
import type { Language } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { newId } from '../../app/new-id';

function actionValue(action: MenuAction): string {
  switch (action.kind) {
    case 'faq':
      return `faq:${action.ruleId}`;
    case 'handoff':
      return 'handoff';
    case 'flow':
      return `flow:${action.flow}`;
  }
}

function actionFrom(value: string): MenuAction {
  if (value.startsWith('faq:')) return { kind: 'faq', ruleId: value.slice(4) };
  const flow = chatFlowNameSchema.safeParse(value.slice(5));
  if (value.startsWith('flow:') && flow.success) return { kind: 'flow', flow: flow.data };
  return { kind: 'handoff' };
}

export function MenuEditor({
  options,
  rules,
  language,
  onChange,
}: {
  options: MenuOption[];
  rules: FaqRule[];
  language: Language;
  onChange: (options: MenuOption[]) => void;
}) {
  const t = useT();
  const setOption = (index: number, option: MenuOption) =>
    onChange(options.map((other, i) => (i === index ? option : other)));
  return (
    <div className="menu-editor">
      <ol className="menu-editor__list">
        {options.map((option, index) => {
          const n = index + 1;
          return (
            <li key={option.id} className="menu-editor__option">
              <span className="menu-editor__number" aria-hidden="true">
                {n}.
              </span>
              <input
                className="input menu-editor__label"
                required
                maxLength={60}
                aria-label={t('auto.menuLabel', { n })}
                value={option.label[language] ?? ''}
                onChange={(event) =>
                  setOption(index, { ...option, label: { ...option.label, [language]: event.target.value } })
                }
              />
              <select
                className="input menu-editor__action"
                aria-label={t('auto.menuAction', { n })}
                value={actionValue(option.action)}
                onChange={(event) => setOption(index, { ...option, action: actionFrom(event.target.value) })}
              >
                <option value="handoff">{t('auto.action.handoff')}</option>
                {rules.map((rule) => (
                  <option key={rule.id} value={`faq:${rule.id}`}>
                    {t('auto.action.faq', { title: rule.title })}
                  </option>
                ))}
                <option value="flow:booking">{t('auto.action.flow.booking')}</option>
                <option value="flow:order">{t('auto.action.flow.order')}</option>
              </select>
              <button
                type="button"
                className="button button--link"
                aria-label={t('auto.removeMenuOption', { n })}
                onClick={() => onChange(options.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        disabled={options.length >= MAX_MENU_OPTIONS}
        onClick={() =>
          onChange([
            ...options,
            { id: newId('menu'), label: { 'pt-BR': '', en: '', [language]: '' }, action: { kind: 'handoff' } },
          ])
        }
      >
        {t('auto.addMenuOption')}
      </button>
    </div>
  );
}
