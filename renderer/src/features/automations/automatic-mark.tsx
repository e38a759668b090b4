/** "Automática" on a message the bot sent, so staff can tell it from what a person wrote. */
import type { Translate } from '../../../../shared/i18n';
import { BotIcon } from './bot-icons';

export function AutomaticMark({ t }: { t: Translate }) {
  return (
    <span className="bubble__automatic">
      <BotIcon size={12} /> {t('auto.automatic')}
    </span>
  );
}
