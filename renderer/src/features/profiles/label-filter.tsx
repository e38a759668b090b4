/**
 * The chat list's label filter: chips for the shop's labels; a chat shows when it has any of the
 * chosen labels. Kept here so the chat list needs only a line or two to offer it.
 */
import type { CSSProperties } from 'react';
import { create } from 'zustand';
import { useT } from '../../i18n/use-i18n';
import { useLabels } from './labels-store';

export { filterByLabels } from './label-filter-rule';

interface LabelFilterState {
  labelIds: ReadonlySet<string>;
  toggle(id: string): void;
  clear(): void;
}

export const useLabelFilter = create<LabelFilterState>()((set) => ({
  labelIds: new Set(),
  toggle: (id) =>
    set((state) => {
      const labelIds = new Set(state.labelIds);
      if (!labelIds.delete(id)) labelIds.add(id);
      return { labelIds };
    }),
  clear: () => set({ labelIds: new Set() }),
}));

// A deleted label must not leave the list filtered by something no chip shows any more.
useLabels.subscribe(({ labels }) => {
  const { labelIds } = useLabelFilter.getState();
  const kept = [...labelIds].filter((id) => labels.some((label) => label.id === id));
  if (kept.length !== labelIds.size) useLabelFilter.setState({ labelIds: new Set(kept) });
});

export function LabelFilter() {
  const t = useT();
  const labels = useLabels((state) => state.labels);
  const labelIds = useLabelFilter((state) => state.labelIds);
  const toggle = useLabelFilter((state) => state.toggle);
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
