import { useShallow } from 'zustand/react/shallow';
import { useLabels } from '../profiles/labels-store';

const SHOWN = 2;

/** The chat's labels as small coloured chips, so a labelled customer stands out in the list. */
export function ChatRowLabels({ labelIds, id }: { labelIds: readonly string[]; id: string }) {
  const labels = useLabels(useShallow((state) => state.labels.filter((label) => labelIds.includes(label.id))));
  if (labels.length === 0) return null;
  return (
    <span id={id} className="chat-row__labels">
      {labels.slice(0, SHOWN).map((label) => (
        <span key={label.id} className="chat-row__label" style={{ backgroundColor: label.color }}>
          {label.name}
        </span>
      ))}
      {labels.length > SHOWN && <span className="chat-row__label chat-row__label--more">+{labels.length - SHOWN}</span>}
    </span>
  );
}
