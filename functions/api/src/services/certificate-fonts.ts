import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CertificateFonts } from '@manabi/certificates';

/** The Noto Sans JP files certificates are drawn with (from the npm package @expo-google-fonts/noto-sans-jp). */
export const CERTIFICATE_FONT_FILES = {
  regular: '400Regular/NotoSansJP_400Regular.ttf',
  bold: '700Bold/NotoSansJP_700Bold.ttf',
} as const;

/**
 * Where a font file is: next to the bundle (`fonts/`, copied there by build.mjs for the local
 * server and by the CDK bundling hook for Lambda, where no node_modules exist), else in the npm
 * package (running from source: tests, tsx).
 */
function fontPath(file: string): string {
  const bundled = fileURLToPath(new URL(`./fonts/${file.split('/').pop()}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans-jp/${file}`);
}

let loaded: Promise<CertificateFonts> | null = null;

/** The fonts, read once per process (about 11 MB; only the glyphs a certificate uses go into its PDF). */
export function certificateFonts(): Promise<CertificateFonts> {
  loaded ??= Promise.all([readFile(fontPath(CERTIFICATE_FONT_FILES.regular)), readFile(fontPath(CERTIFICATE_FONT_FILES.bold))]).then(
    ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
    (error: unknown) => {
      loaded = null;
      throw error;
    },
  );
  return loaded;
}
