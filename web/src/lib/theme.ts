import type { Branding } from '../api/types';

const HEX = /^#([0-9a-f]{6})$/i;
export const DEFAULT_BRAND_COLOR = '#2156c9';

export function normalizeHex(color: string | null | undefined): string | null {
  if (!color) return null;
  const match = HEX.exec(color.trim());
  return match ? `#${match[1]!.toLowerCase()}` : null;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Black or white, whichever contrasts more with the given background colour. */
export function contrastColor(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  const withWhite = 1.05 / (l + 0.05);
  const withBlack = (l + 0.05) / 0.05;
  return withWhite >= withBlack ? '#ffffff' : '#000000';
}

/** An empty icon, so the browser does not ask for /favicon.ico. */
const NO_ICON = 'data:,';

/**
 * Apply the brand colours and favicon to the document. Without a (valid) accent colour,
 * `--brand-accent` is removed so the stylesheet's fallback (the primary colour) applies.
 */
export function applyBranding(branding: Pick<Branding, 'primaryColor' | 'accentColor' | 'faviconUrl'>, doc: Document = document): void {
  const color = normalizeHex(branding.primaryColor) ?? DEFAULT_BRAND_COLOR;
  const root = doc.documentElement;
  root.style.setProperty('--brand-color', color);
  root.style.setProperty('--brand-contrast', contrastColor(color));
  const accent = normalizeHex(branding.accentColor);
  if (accent) root.style.setProperty('--brand-accent', accent);
  else root.style.removeProperty('--brand-accent');
  let link = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  if (branding.faviconUrl) {
    if (!link) {
      link = doc.createElement('link');
      link.rel = 'icon';
      doc.head.appendChild(link);
    }
    link.href = branding.faviconUrl;
  } else if (link) {
    // No favicon of this brand: none at all rather than another brand's (or the browser's default request).
    link.href = NO_ICON;
  }
}

/** "Page – Product", or whichever part is known. Never invents a product name. */
export function composeTitle(pageTitle: string, productName: string): string {
  return [pageTitle, productName].filter((part) => part.length > 0).join(' – ');
}
