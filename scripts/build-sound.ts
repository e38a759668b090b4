/**
 * Writes resources/notification.wav: a soft two-tone chime (E5 then A5, a rising fourth), 0.7 s,
 * 16-bit mono PCM. The samples are computed here so the sound has a source that can be reviewed and
 * changed like code; `npm run sound` rewrites the file and a unit test checks it still matches.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultResourcesDir } from './build-icons';

export const CHIME_SAMPLE_RATE = 22_050;
export const CHIME_SECONDS = 0.7;
/** About −7 dBFS: audible beside a shop's noise without startling anyone at the counter. */
export const CHIME_PEAK = 0.45;

interface Note {
  frequency: number;
  startSeconds: number;
}
const notes: readonly Note[] = [
  { frequency: 659.26, startSeconds: 0 },
  { frequency: 880, startSeconds: 0.14 },
];
// A little of the 2nd and 3rd harmonic makes a bell rather than a beep.
const partials = [
  { multiple: 1, gain: 1 },
  { multiple: 2, gain: 0.28 },
  { multiple: 3, gain: 0.08 },
];
const ATTACK_SECONDS = 0.006;
const DECAY_SECONDS = 0.16;
const FADE_OUT_SECONDS = 0.03;

export function chimeSamples(sampleRate: number = CHIME_SAMPLE_RATE): Float64Array {
  const length = Math.round(CHIME_SECONDS * sampleRate);
  const samples = new Float64Array(length);
  for (let index = 0; index < length; index++) {
    const t = index / sampleRate;
    let value = 0;
    for (const note of notes) {
      const local = t - note.startSeconds;
      if (local < 0) continue;
      const envelope = Math.min(1, local / ATTACK_SECONDS) * Math.exp(-local / DECAY_SECONDS);
      for (const { multiple, gain } of partials) {
        value += gain * envelope * Math.sin(2 * Math.PI * note.frequency * multiple * local);
      }
    }
    const untilEnd = CHIME_SECONDS - t;
    samples[index] = value * Math.min(1, untilEnd / FADE_OUT_SECONDS);
  }
  const peak = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return samples.map((value) => (value / peak) * CHIME_PEAK);
}

/** A canonical 44-byte-header PCM WAV: RIFF, `fmt ` (format 1, mono, 16 bit), `data`. */
export function encodeWav(samples: Float64Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'latin1');
  wav.write('fmt ', 12, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((value, index) => {
    wav.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * 32767), 44 + index * 2);
  });
  return wav;
}

export function chimeWav(): Buffer {
  return encodeWav(chimeSamples(CHIME_SAMPLE_RATE), CHIME_SAMPLE_RATE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = join(defaultResourcesDir, 'notification.wav');
  await writeFile(path, chimeWav());
  process.stdout.write(`Wrote ${path}\n`);
}
