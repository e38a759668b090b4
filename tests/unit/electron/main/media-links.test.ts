/** A location's map link leaves the app only through the shell's URL rules, like any other link. */
import { describe, expect, it } from 'vitest';
import { mayOpenExternally, mayNavigate } from '../../../../electron/main/url-rules';
import { mapsUrl } from '../../../../shared/media/media-kind';

describe('map links of shared locations', () => {
  it('open in the system browser and never navigate the app window', () => {
    for (const [latitude, longitude] of [
      [-23.5505, -46.6333],
      [90, 180],
      [-90, -180],
      [0, 0],
    ] as const) {
      const url = mapsUrl(latitude, longitude);
      expect(url).not.toBeNull();
      expect(mayOpenExternally(url ?? '')).toBe(true);
      expect(mayNavigate(url ?? '', 'file:///app/out/renderer/index.html')).toBe(false);
    }
  });

  it('a point that is not a real coordinate gives no link at all', () => {
    expect(mapsUrl(Number.NaN, 0)).toBeNull();
    expect(mapsUrl(91, 0)).toBeNull();
    expect(mapsUrl(0, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
