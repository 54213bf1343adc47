/**
 * `npm run bench:certificate`: one certificate PDF (A4, Japanese and English, logo and signature,
 * Noto Sans JP regular and bold embedded as subsets), as the API issues it.
 * - cold: the first PDF of a process (fontkit parses the 5 MB fonts' tables on first use);
 * - warm: p50/p99 over RUNS more, each a different person (so the subset differs);
 * - size: the PDF in KB, next to the fonts it draws from.
 * Prints one JSON line. Not a test: nothing here asserts on time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_TEMPLATE, newVerificationCode, renderCertificatePdf, type CertificateContent } from '../src/index.js';

const RUNS = Number(process.env.RUNS ?? 50);
const require = createRequire(import.meta.url);
const font = (file: string) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/noto-sans-jp/${file}`)));
const fonts = { regular: font('400Regular/NotoSansJP_400Regular.ttf'), bold: font('700Bold/NotoSansJP_700Bold.ttf') };
// The same 2×1 PNG the tests use, as logo and signature.
const png = {
  bytes: Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGPgK2D4/5+BDwATfgOhfiUNXQAAAABJRU5ErkJggg==', 'base64'),
  ),
  type: 'image/png' as const,
};

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['花子', '太郎', '美咲', '翔太', '陽菜', '大輝', '結衣', '蓮', '葵', '悠真'];

const content = (i: number): CertificateContent => ({
  template: { ...DEFAULT_TEMPLATE, languages: 'ja+en', signer: { name: '山田 一郎', title: '人事部長' } },
  brand: { name: 'さくら商事', color: '#0f766e', logo: png },
  signature: png,
  recipientName: `${FAMILY[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}`,
  packageTitle: { ja: '情報セキュリティ基礎 2026', en: 'Information security basics 2026' },
  companyName: 'さくら商事株式会社',
  completedOn: '2026-12-07',
  code: newVerificationCode(),
  verifyUrl: 'https://learn.example.co.jp/verify/ABCD-EFGH-JKMN-PQRS',
  issuedAt: new Date('2026-12-07T03:00:00Z'),
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

let t = performance.now();
const first = await renderCertificatePdf(content(0), fonts);
const coldMs = Math.round((performance.now() - t) * 10) / 10;
const times: number[] = [];
const sizes: number[] = [];
for (let i = 1; i <= RUNS; i++) {
  t = performance.now();
  const pdf = await renderCertificatePdf(content(i), fonts);
  times.push(performance.now() - t);
  sizes.push(pdf.length);
}
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    bench: 'certificate',
    runs: RUNS,
    pdf_kb: kb(first.length),
    pdf_kb_max: kb(Math.max(...sizes)),
    fonts_kb: kb(fonts.regular.length + fonts.bold.length),
    cold_ms: coldMs,
    p50_ms: pct(times, 50),
    p99_ms: pct(times, 99),
  }),
);
