import { useShallow } from 'zustand/react/shallow';
import { useProfiles } from '../profiles/profiles-store';

const SHOWN = 2;

/**
 * The chat's labels as small coloured chips, so a labelled customer stands out in the list. A wide
 * list shows two chips, a narrow one (container query in chat-list.css) one, each with its "+N".
 */
export function ChatRowLabels({ labelIds, id }: { labelIds: readonly string[]; id: string }) {
  const labels = useProfiles(useShallow((state) => state.labels.filter((label) => labelIds.includes(label.id))));
  if (labels.length === 0) return null;
  return (
    <span id={id} className="chat-row__labels">
      {labels.slice(0, SHOWN).map((label, index) => (
        <span
          key={label.id}
          className={`chat-row__label${index > 0 ? ' chat-row__label--wide-only' : ''}`}
          style={{ backgroundColor: label.color }}
          title={label.name}
        >
          {label.name}
        </span>
      ))}
      {labels.length > 1 && (
        <span className="chat-row__label chat-row__label--more chat-row__label--narrow-only">+{labels.length - 1}</span>
      )}
      {labels.length > SHOWN && (
        <span className="chat-row__label chat-row__label--more chat-row__label--wide-only">
          +{labels.length - SHOWN}
        </span>
      )}
    </span>
  );
}
