/** Labels arrive with the snapshot and `labelsChanged`; the profile panel and list filters read them. */
import { create } from 'zustand';
import type { Label } from '../../../../shared/domain';

export const useLabels = create<{ labels: Label[]; set(labels: Label[]): void }>()((set) => ({
  labels: [],
  set: (labels) => set({ labels }),
}));
