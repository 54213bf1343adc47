import type { Plugin } from 'vite';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY } from '../src/i18n/locale-choice';
import { SHELL_ONLY_PATHS } from '../src/public-paths';

/**
 * Adds to index.html a few lines that pick the starting language as the app will (this device's
 * choice, else the default) and preload that language's shell messages chunk (src/i18n/ja-shell.ts:
 * the frame and the public pages), so it downloads alongside the entry code instead of after it.
 * On a signed-in page's path (not a public one, see src/public-paths.ts) the whole set of that
 * language's messages is preloaded too. The other language is not fetched until it is chosen.
 */
export function localePreload(): Plugin {
  return {
    name: 'locale-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const shells: Record<string, string> = {};
        const wholeSets: Record<string, string> = {};
        for (const output of Object.values(ctx.bundle ?? {})) {
          const match = output.type === 'chunk' ? /\/src\/i18n\/(\w+)(-shell)?\.ts$/.exec(output.facadeModuleId ?? '') : null;
          if (match && output.type === 'chunk' && output.isDynamicEntry) (match[2] ? shells : wholeSets)[match[1]!] = `/${output.fileName}`;
        }
        if (!shells[DEFAULT_LOCALE]) throw new Error(`locale-preload: no chunk for the ${DEFAULT_LOCALE} shell messages`);
        if (!wholeSets[DEFAULT_LOCALE]) throw new Error(`locale-preload: no chunk for the ${DEFAULT_LOCALE} messages`);
        // crossorigin as on the build's own preloads, so the import() reuses this very download.
        const script = `<script>(function(){var s=${JSON.stringify(shells)},w=${JSON.stringify(wholeSets)},l;try{l=localStorage.getItem(${JSON.stringify(LOCALE_STORAGE_KEY)})}catch(e){}if(!s[l])l=${JSON.stringify(DEFAULT_LOCALE)};function p(h){var k=document.createElement('link');k.rel='modulepreload';k.crossOrigin='';k.href=h;document.head.appendChild(k)}p(s[l]);if(!new RegExp(${JSON.stringify(SHELL_ONLY_PATHS)}).test(location.pathname))p(w[l])})()</script>`;
        // Before the entry and the stylesheet: an inline script after a stylesheet waits for it.
        const entry = html.indexOf('<script type="module"');
        if (entry < 0) throw new Error('locale-preload: no entry script in index.html');
        return `${html.slice(0, entry)}${script}\n    ${html.slice(entry)}`;
      },
    },
  };
}
