import type { Label } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';

/** Colours readable with white text on a chip; named, so the choice has an accessible name. */
export const LABEL_COLORS: readonly { color: string; name: MessageKey }[] = [
  { color: '#1f8a4c', name: 'profile.color.green' },
  { color: '#00796b', name: 'profile.color.teal' },
  { color: '#1565c0', name: 'profile.color.blue' },
  { color: '#6a3fb5', name: 'profile.color.purple' },
  { color: '#c2185b', name: 'profile.color.pink' },
  { color: '#c62828', name: 'profile.color.red' },
  { color: '#b35400', name: 'profile.color.orange' },
  { color: '#546e7a', name: 'profile.color.grey' },
];

export function LabelChip({
  label,
  onRemove,
  removeLabel,
}: {
  label: Label;
  onRemove?: () => void;
  removeLabel?: string;
}) {
  return (
    <span className="label-chip" style={{ backgroundColor: label.color }}>
      <span className="label-chip__name">{label.name}</span>
      {onRemove && (
        <button
          type="button"
          className="label-chip__remove"
          aria-label={removeLabel}
          title={removeLabel}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </span>
  );
}
