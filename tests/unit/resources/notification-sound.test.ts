import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../scripts/build-icons';
import { CHIME_PEAK, CHIME_SAMPLE_RATE, chimeWav } from '../../../scripts/build-sound';

const wav = readFileSync(join(defaultResourcesDir, 'notification.wav'));

describe('resources/notification.wav', () => {
  it('is what `npm run sound` writes', () => {
    expect(wav.equals(chimeWav()), 'run `npm run sound` and commit resources/notification.wav').toBe(true);
  });

  it('is a short 16-bit mono PCM WAV every OS plays', () => {
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(CHIME_SAMPLE_RATE);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString('latin1', 36, 40)).toBe('data');
    const seconds = wav.readUInt32LE(40) / 2 / CHIME_SAMPLE_RATE;
    expect(seconds).toBeGreaterThan(0.3);
    expect(seconds).toBeLessThan(1.5);
  });

  it('is gentle: peaks below full scale, starts and ends in silence', () => {
    const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
    const peak = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    expect(peak / 32767).toBeCloseTo(CHIME_PEAK, 2);
    expect(Math.abs(samples[0] ?? 1)).toBeLessThan(100);
    expect(Math.abs(samples.at(-1) ?? 1)).toBeLessThan(100);
  });
});
