import { paddedFontkit } from './fontkit-fix.js';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { formatCertificateDate } from './date.js';
import { formatVerificationCode } from './code.js';
import { fillPlaceholders, languagesOf, type CertificateTemplate } from './template.js';
import { fitSize, wrapText } from './wrap.js';

/** An image the PDF can embed (pdf-lib draws PNG and JPEG). */
export interface CertificateImage {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
}

/** The font files (TrueType/OpenType bytes); only the glyphs a certificate uses are embedded. */
export interface CertificateFonts {
  regular: Uint8Array;
  /** For the title, name and package; the regular font when absent. */
  bold?: Uint8Array;
}

export interface CertificateContent {
  template: CertificateTemplate;
  /** The brand the company shows: its (or its vendor's) name, colour and logo. */
  brand: { name: string; color: string; logo: CertificateImage | null };
  signature: CertificateImage | null;
  recipientName: string;
  packageTitle: { ja?: string; en?: string };
  companyName: string;
  /** The day the package was completed (YYYY-MM-DD, Japan time). */
  completedOn: string;
  /** The verification code (16 symbols) and the public page that checks it. */
  code: string;
  verifyUrl: string;
  /** Stamped as the PDF's creation date (the package reads no clock). */
  issuedAt: Date;
}

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGIN = 72;
const INK = rgb(0.13, 0.13, 0.15);
const MUTED = rgb(0.42, 0.42, 0.46);

function colorOf(hex: string): RGB {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** The colour mixed with white (a quiet inner frame). */
function tint(c: RGB, amount: number): RGB {
  return rgb(c.red + (1 - c.red) * amount, c.green + (1 - c.green) * amount, c.blue + (1 - c.blue) * amount);
}

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color: RGB;
  /** Space above the line's baseline. */
  lead: number;
}

const pickTitle = (t: { ja?: string; en?: string }, lang: 'ja' | 'en') => (lang === 'ja' ? (t.ja ?? t.en) : (t.en ?? t.ja)) ?? '';

/** The centred text of the certificate at one scale of the body type (smaller when the wording is long). */
function centreLines(c: CertificateContent, fonts: { regular: PDFFont; bold: PDFFont }, accent: RGB, scale: number): Line[] {
  const langs = languagesOf(c.template.languages);
  const [first] = langs;
  const values = (lang: 'ja' | 'en') => ({
    name: c.recipientName,
    package: pickTitle(c.packageTitle, lang),
    date: formatCertificateDate(c.completedOn, lang),
    company: c.companyName,
  });
  const width = WIDTH - 2 * MARGIN - 60;
  const measure = (font: PDFFont) => (text: string, size: number) => font.widthOfTextAtSize(text, size);
  const lines: Line[] = [];
  const block = (text: string, font: PDFFont, size: number, color: RGB, gap: number) =>
    wrapText(text, measure(font), size, width).forEach((t, i) =>
      lines.push({ text: t, font, size, color, lead: (i === 0 ? gap : 0) + size * 1.55 }),
    );

  for (const [i, lang] of langs.entries()) {
    const title = fillPlaceholders(c.template.title[lang], values(lang));
    const size = i === 0 ? (lang === 'ja' ? 40 : 32) : 15;
    block(title, fonts.bold, size, i === 0 ? accent : MUTED, i === 0 ? 0 : 2);
  }
  const nameSize = fitSize(c.recipientName, measure(fonts.bold), 30, 14, width);
  lines.push({ text: c.recipientName, font: fonts.bold, size: nameSize, color: INK, lead: 26 + nameSize * 1.4 });
  for (const [i, lang] of langs.entries()) {
    const body = fillPlaceholders(c.template.body[lang], values(lang));
    if (body) block(body, fonts.regular, Math.round((i === 0 ? 14 : 11) * scale), i === 0 ? INK : MUTED, i === 0 ? 22 : 4);
  }
  for (const [i, lang] of langs.entries()) {
    const title = pickTitle(c.packageTitle, lang);
    if (i > 0 && title === pickTitle(c.packageTitle, first!)) continue;
    const size = fitSize(title, measure(fonts.bold), i === 0 ? 20 : 14, 12, width);
    block(title, fonts.bold, size, i === 0 ? INK : MUTED, i === 0 ? 14 : 0);
  }
  const dates = langs.map((lang) => (lang === 'ja' ? `修了日 ${values('ja').date}` : `Completed on ${values('en').date}`));
  block(dates.join('　／　'), fonts.regular, 12, INK, 14);
  return lines;
}

const TOP = HEIGHT - 96;
const BOTTOM = 150;

/** Draws the lines centred across the page, and as a block between the header and the signature. */
function drawCentred(page: PDFPage, lines: Line[]) {
  const height = lines.reduce((h, l) => h + l.lead, 0);
  let y = TOP - Math.max(0, (TOP - BOTTOM - height) / 2);
  for (const l of lines) {
    y -= l.lead;
    page.drawText(l.text, { x: (WIDTH - l.font.widthOfTextAtSize(l.text, l.size)) / 2, y, size: l.size, font: l.font, color: l.color });
  }
}

/** Draws an image scaled to fit a box, its bottom-left at (x, y); returns the width drawn. */
function drawFitted(page: PDFPage, image: PDFImage, x: number, y: number, maxW: number, maxH: number, alignRight = false): number {
  const s = Math.min(maxW / image.width, maxH / image.height, 1);
  const w = image.width * s;
  page.drawImage(image, { x: alignRight ? x - w : x, y, width: w, height: image.height * s });
  return w;
}

const embedImage = (doc: PDFDocument, image: CertificateImage) =>
  image.type === 'image/png' ? doc.embedPng(image.bytes) : doc.embedJpg(image.bytes);

/** Whether pdf-lib can draw an image (an upload is checked with this, so issuing never meets one it cannot). */
export async function canEmbedImage(image: CertificateImage): Promise<boolean> {
  try {
    await embedImage(await PDFDocument.create(), image);
    return true;
  } catch {
    return false;
  }
}

/** The certificate as a PDF (A4 landscape) with only the used glyphs of the fonts embedded. */
export async function renderCertificatePdf(c: CertificateContent, fontFiles: CertificateFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const regular = await doc.embedFont(fontFiles.regular, { subset: true });
  const bold = fontFiles.bold ? await doc.embedFont(fontFiles.bold, { subset: true }) : regular;
  const fonts = { regular, bold };
  const accent = colorOf(c.template.color ?? c.brand.color);
  const page = doc.addPage([WIDTH, HEIGHT]);

  page.drawRectangle({ x: 22, y: 22, width: WIDTH - 44, height: HEIGHT - 44, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({ x: 31, y: 31, width: WIDTH - 62, height: HEIGHT - 62, borderColor: tint(accent, 0.55), borderWidth: 0.8 });

  // Header: the brand's logo and name.
  let brandX = MARGIN;
  if (c.brand.logo) brandX += drawFitted(page, await embedImage(doc, c.brand.logo), MARGIN, HEIGHT - 100, 150, 44) + 12;
  page.drawText(c.brand.name, { x: brandX, y: HEIGHT - 88, size: 12, font: bold, color: MUTED });

  // The centred text, its body type made smaller until it fits above the signature.
  let lines = centreLines(c, fonts, accent, 1);
  for (let scale = 0.9; scale >= 0.6 && TOP - lines.reduce((h, l) => h + l.lead, 0) < BOTTOM; scale -= 0.1)
    lines = centreLines(c, fonts, accent, scale);
  drawCentred(page, lines);

  // Signature block (bottom right): the image above a line, then the company, the signer's title and name.
  const right = WIDTH - MARGIN;
  const lineY = 112;
  if (c.signature) drawFitted(page, await embedImage(doc, c.signature), right - 20, lineY + 4, 160, 52, true);
  page.drawLine({ start: { x: right - 240, y: lineY }, end: { x: right, y: lineY }, thickness: 0.8, color: MUTED });
  const signerLines = [
    { text: c.companyName, size: 11, font: bold, color: INK },
    { text: c.template.signer.title, size: 10, font: regular, color: MUTED },
    { text: c.template.signer.name, size: 13, font: bold, color: INK },
  ].filter((l) => l.text);
  let sy = lineY - 16;
  for (const l of signerLines) {
    page.drawText(l.text, { x: right - l.font.widthOfTextAtSize(l.text, l.size), y: sy, size: l.size, font: l.font, color: l.color });
    sy -= l.size + 6;
  }

  // Verification (bottom left): the code and where to check it.
  const langs = languagesOf(c.template.languages);
  const label = langs.map((l) => (l === 'ja' ? '検証コード' : 'Verification code')).join(' / ');
  page.drawText(label, { x: MARGIN, y: 100, size: 8, font: regular, color: MUTED });
  page.drawText(formatVerificationCode(c.code), { x: MARGIN, y: 82, size: 13, font: bold, color: INK });
  const urlSize = fitSize(c.verifyUrl, (t, s) => regular.widthOfTextAtSize(t, s), 8, 5, 330);
  page.drawText(c.verifyUrl, { x: MARGIN, y: 66, size: urlSize, font: regular, color: MUTED });

  const title = pickTitle(c.packageTitle, langs[0]!);
  doc.setTitle(
    `${fillPlaceholders(c.template.title[langs[0]!], { name: '', package: title, date: '', company: '' })} — ${c.recipientName}`,
  );
  doc.setAuthor(c.companyName);
  doc.setCreator('Manabi');
  doc.setProducer('Manabi');
  doc.setCreationDate(c.issuedAt);
  doc.setModificationDate(c.issuedAt);
  return doc.save();
}
