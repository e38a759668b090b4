/**
 * The chat list's label filter: chips for the shop's labels; a chat shows when it has any of the
 * chosen labels. Kept here so the chat list needs only a line or two to offer it.
 */
import type { CSSProperties } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useProfiles } from './profiles-store';

export { filterByLabels } from './label-filter-rule';

export function LabelFilter() {
  const t = useT();
  const labels = useProfiles((state) => state.labels);
  const labelIds = useProfiles((state) => state.labelFilterIds);
  const toggle = useProfiles((state) => state.toggleLabelFilter);
  if (labels.length === 0) return null;
  return (
    <div className="label-filter" role="group" aria-label={t('labelFilter.label')}>
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className="label-filter__chip"
          style={{ '--label-color': label.color } as CSSProperties}
          aria-pressed={labelIds.has(label.id)}
          onClick={() => toggle(label.id)}
        >
          <span className="label-filter__dot" style={{ backgroundColor: label.color }} aria-hidden="true" />
          {label.name}
        </button>
      ))}
    </div>
  );
}
