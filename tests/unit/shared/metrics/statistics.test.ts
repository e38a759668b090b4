import { describe, expect, it } from 'vitest';
import { average, median, nearestRankPercentile } from '../../../../shared/metrics/statistics';

describe('summary statistics', () => {
  it('are null when there is nothing to summarise', () => {
    expect(average([])).toBeNull();
    expect(median([])).toBeNull();
    expect(nearestRankPercentile([], 90)).toBeNull();
  });

  it('average is the plain mean, unrounded', () => {
    expect(average([1, 2])).toBe(1.5);
    expect(average([60_000, 120_000, 300_000])).toBe(160_000);
  });

  it('median is the middle value, or the mean of the two middle values, whatever the input order', () => {
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 10, 20, 40])).toBe(15);
  });

  it('p90 is the nearest rank: the ⌈0.9·n⌉-th value in ascending order', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(nearestRankPercentile(ten, 90)).toBe(9); // ⌈9⌉ = 9th
    expect(nearestRankPercentile([...ten, 11], 90)).toBe(10); // ⌈9.9⌉ = 10th of 11
    expect(nearestRankPercentile([5], 90)).toBe(5);
    expect(nearestRankPercentile([3, 1], 90)).toBe(3); // ⌈1.8⌉ = 2nd
    expect(
      nearestRankPercentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    nearestRankPercentile(values, 90);
    expect(values).toEqual([3, 1, 2]);
  });
});
