import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkUploadedFile } from '@manabi/core';
import { seatingChartPng } from './demo-image.js';

describe('the demo seating chart', () => {
  it('is a PNG the upload check accepts, with the drawn size and pixels', async () => {
    const png = seatingChartPng();
    expect(await checkUploadedFile(png.length, async (s, e) => png.subarray(s, e))).toMatchObject({ ok: true, kind: 'png' });
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([320, 200]);
    // IDAT starts after the signature (8) and IHDR (25); its pixels inflate to 200 scanlines.
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(200 * (320 * 3 + 1));
    // The seat of honour (its top left corner at 110,40) is the darkest blue.
    const at = 40 * (320 * 3 + 1) + 1 + 110 * 3;
    expect([...raw.subarray(at, at + 3)]).toEqual([20, 60, 140]);
  });
});
