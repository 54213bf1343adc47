import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newVerificationCode, formatVerificationCode } from './code.js';
import { renderCertificatePdf, type CertificateContent } from './pdf.js';
import { DEFAULT_TEMPLATE } from './template.js';

const require = createRequire(import.meta.url);
const font = (file: string) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/noto-sans-jp/${file}`)));
const fonts = { regular: font('400Regular/NotoSansJP_400Regular.ttf'), bold: font('700Bold/NotoSansJP_700Bold.ttf') };

// A 2×1 PNG (one teal, one white pixel), written by hand: signature and logo stand-ins.
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGPgK2D4/5+BDwATfgOhfiUNXQAAAABJRU5ErkJggg==', 'base64'),
);

const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = (over: Partial<CertificateContent> = {}): CertificateContent => ({
  template: { ...DEFAULT_TEMPLATE, languages: 'ja+en', signer: { name: '山田 太郎', title: '人事部長' } },
  brand: { name: 'さくら商事', color: '#0f766e', logo: { bytes: PNG, type: 'image/png' } },
  signature: { bytes: PNG, type: 'image/png' },
  recipientName: '佐藤 花子',
  packageTitle: { ja: '情報セキュリティ基礎', en: 'Information security basics' },
  companyName: 'さくら商事株式会社',
  completedOn: '2026-12-07',
  code: newVerificationCode(),
  verifyUrl: 'https://manabi.example.com/verify/0000',
  issuedAt: new Date('2026-12-07T03:00:00Z'),
  ...over,
});

/** The page as an 8-bit grey image (pdftoppm's PGM: a short text header, then one byte a pixel). */
function renderGray(pdfPath: string, dpi: number) {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', pdfPath], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return { width, height, pixels, inked: (x: number, y: number) => pixels[y * width + x]! < 192 };
}

/** Every word pdftotext finds, with its box in points (origin top left). */
function words(pdfPath: string) {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-']).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as const,
    text: m[5]!,
  }));
}

describe('certificate PDF', () => {
  it('is an A4 landscape page whose Japanese text reads back exactly and actually renders', async () => {
    const c = content();
    const pdf = await renderCertificatePdf(c, fonts);
    const path = join(dir, 'ja-en.pdf');
    writeFileSync(path, pdf);

    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
    expect(text).toContain('佐藤 花子');
    expect(text).toContain('情報セキュリティ基礎');
    expect(text).toContain('修了証');
    expect(text).toContain('修了日 2026年12月7日');
    expect(text).toContain('Completed on 7 December 2026');
    expect(text).toContain('さくら商事株式会社が実施する次の研修の全課程を修了したことをここに証します。');
    expect(text).toContain(formatVerificationCode(c.code));
    expect(text).toContain('https://manabi.example.com/verify/0000');

    const scale = 2; // pixels a point (144 dpi): pdftotext's boxes, in points, scale onto the image
    const page = renderGray(path, 72 * scale);
    expect(page.width).toBe(1684); // 841.89 × 595.28 pt, rounded up
    expect(page.height).toBe(1191);
    const darkPixels = page.pixels.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
    expect(darkPixels / page.pixels.length).toBeGreaterThan(0.01);

    // Each word has ink inside its box: a glyph that fails to render (a broken font subset draws
    // nothing while text extraction still works) leaves its box blank.
    const found = words(path);
    expect(found.length).toBeGreaterThan(20);
    for (const w of found) {
      const [x0, y0, x1, y1] = w.box.map((v) => Math.round(v * scale)) as [number, number, number, number];
      let ink = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.inked(x, y)) ink++;
      expect(ink, `ink in the box of “${w.text}”`).toBeGreaterThan(0);
    }
    const name = found.filter((w) => w.text === '佐藤' || w.text === '花子');
    expect(name).toHaveLength(2);
  });

  it('embeds only the glyphs used, so the file stays small', async () => {
    const pdf = await renderCertificatePdf(content(), fonts);
    expect(fonts.regular.length).toBeGreaterThan(4_000_000);
    expect(pdf.length).toBeLessThan(60_000);
  });

  it('prints one language when asked, and fits long wording and names on the page', async () => {
    const c = content({
      template: {
        ...DEFAULT_TEMPLATE,
        languages: 'en',
        body: { ja: '', en: `${'has completed a very long course '.repeat(14)}at {company}.` },
      },
      recipientName: 'Alexandra Konstantinopoulou-Yamamoto Wolfeschlegelsteinhausenbergerdorff',
      packageTitle: { ja: '基礎' },
      signature: null,
      brand: { name: 'Acme', color: '#1d4ed8', logo: null },
    });
    const path = join(dir, 'en.pdf');
    writeFileSync(path, await renderCertificatePdf(c, fonts));
    const text = execFileSync('pdftotext', [path, '-']).toString('utf8');
    expect(text).toContain('Certificate of Completion');
    expect(text).not.toContain('修了証');
    expect(text).toContain('基礎'); // a package without an English title keeps its Japanese one
    for (const w of words(path)) {
      expect(w.box[0]).toBeGreaterThanOrEqual(30);
      expect(w.box[2]).toBeLessThanOrEqual(842 - 30);
      expect(w.box[3]).toBeLessThanOrEqual(595 - 30);
    }
  });
});
