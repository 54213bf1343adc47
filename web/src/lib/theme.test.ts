import { describe, expect, it } from 'vitest';
import { applyBranding, composeTitle, contrastColor, normalizeHex } from './theme';

describe('theme', () => {
  it('picks a readable text colour for the brand colour', () => {
    expect(contrastColor('#ffffff')).toBe('#000000');
    expect(contrastColor('#1a1a1a')).toBe('#ffffff');
    expect(contrastColor('#2156c9')).toBe('#ffffff');
    expect(contrastColor('#ffd400')).toBe('#000000');
  });

  it('rejects malformed colours', () => {
    expect(normalizeHex('#ABCDEF')).toBe('#abcdef');
    expect(normalizeHex('red')).toBeNull();
    expect(normalizeHex('#abc')).toBeNull();
  });

  it('sets CSS variables and the favicon on the document', () => {
    applyBranding({
      primaryColor: '#ffd400',
      accentColor: null,
      faviconUrl: 'https://cdn.example/f.ico',
    });
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--brand-color')).toBe('#ffd400');
    expect(style.getPropertyValue('--brand-contrast')).toBe('#000000');
    expect(document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href).toBe('https://cdn.example/f.ico');

    // A brand without a favicon does not keep the previous brand's.
    applyBranding({ primaryColor: '#ffd400', accentColor: null, faviconUrl: null });
    expect(document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href).toBe('data:,');
  });

  it('sets the accent colour, and removes it when there is none so the primary colour shows', () => {
    const style = document.documentElement.style;
    applyBranding({ primaryColor: '#2156C9', accentColor: ' #F59E0B ', faviconUrl: null });
    expect(style.getPropertyValue('--brand-accent')).toBe('#f59e0b');
    // The primary colour and its text colour are unchanged by the accent.
    expect(style.getPropertyValue('--brand-color')).toBe('#2156c9');
    expect(style.getPropertyValue('--brand-contrast')).toBe('#ffffff');

    // Another brand without an accent does not keep the previous brand's.
    applyBranding({ primaryColor: '#0f766e', accentColor: null, faviconUrl: null });
    expect(style.getPropertyValue('--brand-accent')).toBe('');
    expect(style.getPropertyValue('--brand-color')).toBe('#0f766e');

    applyBranding({ primaryColor: '#0f766e', accentColor: '#f59e0b', faviconUrl: null });
    applyBranding({ primaryColor: '#0f766e', accentColor: 'orange', faviconUrl: null });
    expect(style.getPropertyValue('--brand-accent')).toBe('');
  });

  it('composes the title without inventing a product name', () => {
    expect(composeTitle('Users', '')).toBe('Users');
    expect(composeTitle('', 'Acme Learn')).toBe('Acme Learn');
    expect(composeTitle('Users', 'Acme Learn')).toBe('Users – Acme Learn');
  });
});
