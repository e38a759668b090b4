/** FAQ rules (title, customer phrases, answer, active) and the "Try it" box that scores a typed message. */
import { useEffect, useState } from 'react';
import type { FaqRule } from '../../../../shared/automations/faq-matching';
import type { FaqTestResult } from '../../../../shared/contract';
import { useT } from '../../i18n/use-i18n';
import { newId } from '../../app/new-id';
import { useAutomations } from './automations-store';

const score = (value: number) => value.toFixed(2);

export function FaqRulesEditor({ rules, onChange }: { rules: FaqRule[]; onChange: (rules: FaqRule[]) => void }) {
  const t = useT();
  const setRule = (index: number, rule: FaqRule) => onChange(rules.map((other, i) => (i === index ? rule : other)));
  return (
    <div className="faq-rules">
      <TryIt rules={rules} />
      <ul className="faq-rules__list">
        {rules.map((rule, index) => (
          <li key={rule.id} className="faq-rule">
            <fieldset className="faq-rule__fields" aria-label={rule.title}>
              <div className="faq-rule__head">
                <label className="field faq-rule__title">
                  <span className="field__label">{t('auto.ruleTitle')}</span>
                  <input
                    className="input"
                    required
                    maxLength={80}
                    value={rule.title}
                    onChange={(event) => setRule(index, { ...rule, title: event.target.value })}
                  />
                </label>
                <label className="automations__check">
                  <input
                    type="checkbox"
                    checked={rule.enabled}
                    onChange={(event) => setRule(index, { ...rule, enabled: event.target.checked })}
                  />
                  {t('auto.ruleEnabled')}
                </label>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => onChange(rules.filter((_, i) => i !== index))}
                >
                  {t('auto.removeRule', { title: rule.title })}
                </button>
              </div>
              <div className="faq-rule__body">
                <label className="field">
                  <span className="field__label">{t('auto.ruleTriggers')}</span>
                  <textarea
                    className="input faq-rule__triggers"
                    rows={4}
                    required
                    value={rule.triggers.join('\n')}
                    onChange={(event) => setRule(index, { ...rule, triggers: event.target.value.split('\n') })}
                  />
                </label>
                <label className="field">
                  <span className="field__label">{t('auto.ruleAnswer')}</span>
                  <textarea
                    className="input"
                    rows={4}
                    required
                    maxLength={4096}
                    value={rule.answer}
                    onChange={(event) => setRule(index, { ...rule, answer: event.target.value })}
                  />
                </label>
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([
            ...rules,
            { id: newId('faq'), title: t('auto.newRuleTitle'), triggers: [''], answer: '', enabled: true },
          ])
        }
      >
        {t('auto.addRule')}
      </button>
    </div>
  );
}

/** Triggers as saved: trimmed, no blank lines (the textarea keeps them while typing). */
export function cleanRules(rules: readonly FaqRule[]): FaqRule[] {
  return rules.map((rule) => ({ ...rule, triggers: rule.triggers.map((line) => line.trim()).filter(Boolean) }));
}

function TryIt({ rules }: { rules: FaqRule[] }) {
  const t = useT();
  const testFaqMatch = useAutomations((state) => state.testFaqMatch);
  const [text, setText] = useState('');
  const [result, setResult] = useState<FaqTestResult | null>(null);

  useEffect(() => {
    if (text.trim() === '') return;
    let current = true;
    const usable = cleanRules(rules).filter((rule) => rule.triggers.length > 0 && rule.answer.trim() !== '');
    const timer = setTimeout(() => {
      void testFaqMatch(text, usable)
        .then((found) => current && setResult(found))
        .catch(() => undefined);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, rules, testFaqMatch]);

  // An empty box shows nothing, whatever the last answer was.
  const shown = text.trim() === '' ? null : result;
  const best = shown?.candidates[0];
  return (
    <section className="try-it" aria-label={t('auto.tryIt')}>
      <h4 className="try-it__title">{t('auto.tryIt')}</h4>
      <label className="field">
        <span className="field__label">{t('auto.tryItLabel')}</span>
        <input className="input" value={text} maxLength={4096} onChange={(event) => setText(event.target.value)} />
      </label>
      <div className="try-it__result" role="status">
        {shown?.answer ? (
          <>
            <p className="try-it__verdict">
              {t('auto.tryItAnswer', { title: shown.answer.title, score: score(shown.answer.score) })}
            </p>
            <p className="try-it__answer">{shown.answer.text}</p>
          </>
        ) : shown && best ? (
          <p className="try-it__verdict">
            {t('auto.tryItNone', { title: best.title, score: score(best.score), threshold: score(shown.threshold) })}
          </p>
        ) : shown ? (
          <p className="try-it__verdict">{t('auto.tryItNoRules')}</p>
        ) : null}
      </div>
    </section>
  );
}
