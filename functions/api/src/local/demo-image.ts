import { deflateSync } from 'node:zlib';

/**
 * The demo's picture, drawn here pixel by pixel (no downloaded media): a reception room seen from
 * above for the lesson on seating order. The door is at the bottom right; the four chairs around
 * the table are shaded from the seat of honour (darkest, farthest from the door) to the lowest.
 */
export const SEATING_CHART_ALT = {
  ja: '応接室の席次（上から見た図）：入口から最も遠い濃い色の席が上座、入口に近い薄い色の席が下座',
  en: 'Seating order in a reception room, seen from above: the darkest seat, farthest from the door, is the seat of honour; the palest, by the door, the lowest',
};

const WIDTH = 320;
const HEIGHT = 200;

type Rgb = [number, number, number];

function canvas() {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3).fill(255);
  const fill = (x: number, y: number, w: number, h: number, [r, g, b]: Rgb) => {
    for (let row = Math.max(0, y); row < Math.min(HEIGHT, y + h); row++)
      for (let col = Math.max(0, x); col < Math.min(WIDTH, x + w); col++) pixels.set([r, g, b], (row * WIDTH + col) * 3);
  };
  return { pixels, fill };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG (8-bit RGB, no interlace) of the given pixels. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  // Each scanline starts with its filter type (0: none).
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function seatingChartPng(): Uint8Array {
  const { pixels, fill } = canvas();
  const wall: Rgb = [60, 66, 80];
  // Walls, with the door opening in the bottom wall on the right.
  fill(10, 10, 300, 4, wall);
  fill(10, 10, 4, 180, wall);
  fill(306, 10, 4, 180, wall);
  fill(10, 186, 230, 4, wall);
  fill(292, 186, 18, 4, wall);
  fill(240, 150, 6, 40, [150, 100, 50]);
  // The table, and the chairs from the seat of honour (top left, farthest from the door) down.
  fill(100, 70, 120, 60, [205, 210, 220]);
  const seats: [number, number, Rgb][] = [
    [110, 40, [20, 60, 140]],
    [180, 40, [60, 110, 190]],
    [110, 136, [120, 160, 220]],
    [180, 136, [190, 210, 240]],
  ];
  for (const [x, y, colour] of seats) fill(x, y, 30, 24, colour);
  return encodePng(WIDTH, HEIGHT, pixels);
}
