/**
 * The SPA's Content-Security-Policy: scripts only from the app's own origin (index.html has no
 * inline script: public/boot.js), nothing framed but SCORM courses (their own origin) and the
 * lesson video hosts the markdown renderer embeds, no plugins but the certificate preview's PDF
 * (a blob: URL), and the app itself never framed. Inline `style` attributes stay allowed (Vue binds
 * styles; they cannot run code). The local server sends it with index.html; a deploy sends the
 * same policy from its CDN with the deploy's SCORM content origin.
 */
export function spaContentSecurityPolicy(options: { scormContentOrigin: string }): string {
  const frames = ["'self'", options.scormContentOrigin, 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'].filter(Boolean);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${frames.join(' ')}`,
    'object-src blob:',
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
