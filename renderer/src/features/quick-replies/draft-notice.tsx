import type { ChatId, Language } from '../../../../shared/domain';
import { placeholderNameFor } from '../../../../shared/templates/placeholders';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useT } from '../../i18n/use-i18n';
import { useUi } from '../../app/ui-store';
import { useProfiles } from '../profiles/profiles-store';
import type { DraftCheck, DraftProblem } from './draft-check';

/** Fields the profile panel can focus: the customer's own fields. */
function profileField(problem: DraftProblem): string | null {
  return problem.kind === 'missing' && problem.source === 'profile' && problem.field !== 'phone' ? problem.field : null;
}

/** Above the text box while the draft still holds placeholders: what is missing and where to fill it. */
export function DraftNotice({
  chatId,
  check,
  onFill,
}: {
  chatId: ChatId;
  check: DraftCheck;
  onFill(text: string): void;
}) {
  const t = useT();
  const language = useSettings(selectLanguage);
  const requestField = useProfiles((state) => state.requestField);
  const setSettingsOpen = useUi((state) => state.setSettingsOpen);
  return (
    <div className="composer-notice qr-draft-notice" role="note" data-notice="unfilled-placeholder">
      <ul className="qr-draft-notice__list">
        {check.problems.map((problem, index) => {
          const field = profileField(problem);
          return (
            <li key={problem.kind === 'malformed' ? `malformed-${index}` : `${problem.kind}-${problem.field}`}>
              <span>{message(problem, t, language)}</span>
              {field && (
                <button type="button" className="button button--link" onClick={() => requestField(chatId, field)}>
                  {t('qr.fillInProfile', { field: placeholderNameFor(field, language) })}
                </button>
              )}
              {problem.kind === 'missing' && problem.source === 'settings' && (
                <button type="button" className="button button--link" onClick={() => setSettingsOpen(true)}>
                  {t('qr.openSettings')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {check.filled !== null && (
        <button type="button" className="button qr-draft-notice__fill" onClick={() => onFill(check.filled ?? '')}>
          {t('qr.fillNow')}
        </button>
      )}
    </div>
  );
}

function message(problem: DraftProblem, t: ReturnType<typeof useT>, language: Language): string {
  if (problem.kind === 'malformed') return t('qr.malformedInText');
  const field = placeholderNameFor(problem.field, language);
  if (problem.kind === 'unknown') return t('qr.unknownInText', { field });
  switch (problem.source) {
    case 'profile':
      return t('qr.missingProfile', { field });
    case 'settings':
      return t('qr.missingSettings', { field });
    case 'conversation':
      return t('qr.missingConversation', { field });
    case 'none':
      return t('qr.missingNone', { field });
  }
}
