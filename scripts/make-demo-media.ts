/**
 * Makes the demo shop's small media files from nothing (no downloads, no third-party content): two
 * product photos drawn pixel by pixel as PNG, a short voice note as WAV and a one-page price list as
 * PDF. Writes them to resources/demo/ and, as base64, to the demo module the simulated WhatsApp
 * reads (so both shells bundle them without file paths). Run: npx tsx scripts/make-demo-media.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = [number, number, number];

function png(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/** A carrot cake on a plate: brown sponge, orange icing, a table behind. */
function cake(x: number, y: number): Rgb {
  const background = mix([250, 236, 214], [230, 200, 170], y / 240);
  const cx = 160;
  const plate = ((x - cx) / 130) ** 2 + ((y - 190) / 22) ** 2 <= 1;
  const inCake = x > 60 && x < 260 && y > 90 && y < 185;
  const top = ((x - cx) / 100) ** 2 + ((y - 90) / 18) ** 2 <= 1;
  if (top) return mix([242, 140, 40], [250, 170, 70], (x - 60) / 200);
  if (inCake) {
    const layer = Math.floor((y - 90) / 24) % 2 === 0;
    return layer ? [150, 90, 45] : [236, 200, 150];
  }
  if (plate) return [245, 245, 245];
  return background;
}

/** A lemon pie seen from above: yellow filling, golden crust. */
function pie(x: number, y: number): Rgb {
  const d = Math.hypot(x - 160, y - 120);
  if (d < 80) return mix([255, 236, 120], [250, 220, 90], d / 80);
  if (d < 95) return [214, 160, 80];
  if (d < 110) return [240, 240, 240];
  return mix([200, 225, 210], [170, 205, 190], y / 240);
}

/** Three seconds of a voice-like hum (a vowel's harmonics, syllable by syllable), 8 kHz 16-bit mono. */
function wav(): Buffer {
  const rate = 8000;
  const samples = rate * 3;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const syllable = Math.max(0, Math.sin(Math.PI * 3.2 * t)) ** 0.6;
    const pitch = 140 + 20 * Math.sin(2 * Math.PI * 0.7 * t);
    const voice =
      0.6 * Math.sin(2 * Math.PI * pitch * t) +
      0.3 * Math.sin(2 * Math.PI * 2 * pitch * t) +
      0.15 * Math.sin(2 * Math.PI * 3 * pitch * t);
    data.writeInt16LE(Math.round(voice * syllable * 9000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A one-page PDF with the shop's prices; byte offsets computed so the cross-reference table is valid. */
function pdf(): Buffer {
  const lines = [
    'Doceria Janela - Tabela de precos',
    '',
    'Bolo de cenoura (inteiro) ........ R$ 45,00',
    'Torta de limao (inteira) ......... R$ 65,00',
    'Salgados (cento) ................. R$ 90,00',
    'Brigadeiro (cento) ............... R$ 110,00',
    '',
    'Entrega no Centro: R$ 8,00',
  ];
  const text = lines
    .map((line, index) => `BT /F1 ${index === 0 ? 18 : 12} Tf 60 ${760 - index * 24} Td (${line}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const files = {
  'bolo-de-cenoura.png': png(320, 240, cake),
  'torta-de-limao.png': png(320, 240, pie),
  'audio-maria.wav': wav(),
  'tabela-de-precos.pdf': pdf(),
};

for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, 'resources/demo', name), bytes);

const module = `/**
 * The demo shop's media, made by scripts/make-demo-media.ts (do not edit; run the script). Base64 so
 * both shells bundle them without file paths.
 */
export const demoMediaBase64: Readonly<Record<string, string>> = {
${Object.entries(files)
  .map(([name, bytes]) => `  '${name}':\n    '${bytes.toString('base64')}',`)
  .join('\n')}
};
`;
writeFileSync(join(root, 'electron/backend/gateways/simulated/demo-media-files.ts'), module);
console.log(
  Object.entries(files)
    .map(([name, bytes]) => `${name}: ${bytes.length} bytes`)
    .join('\n'),
);
