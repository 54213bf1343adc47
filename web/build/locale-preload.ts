import type { Plugin } from 'vite';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY } from '../src/i18n/locale-choice';
import { SHELL_ONLY_PATHS } from '../src/public-paths';

/**
 * Writes into index.html the file names of the languages' message chunks: the shell messages
 * (src/i18n/ja-shell.ts: the frame and the public pages) and the people's set (ja-people.ts: what
 * every signed-in person's pages use). public/boot.js preloads the starting language's shell
 * (this device's choice, else the default), so it downloads alongside the entry code instead of
 * after it, and on a signed-in page's path (not a public one, see src/public-paths.ts) the
 * people's set too. Staff pages' messages follow from the router; the other language is not
 * fetched until it is chosen.
 */
export function localePreload(): Plugin {
  return {
    name: 'locale-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const shells: Record<string, string> = {};
        const peopleSets: Record<string, string> = {};
        for (const output of Object.values(ctx.bundle ?? {})) {
          // A chunk of one message module. (The shell is also a dependency of the people's set,
          // so the bundler may emit it as a shared chunk rather than a dynamic entry.)
          if (output.type !== 'chunk' || output.moduleIds.length !== 1) continue;
          const match = /\/src\/i18n\/([a-z]+)-(shell|people)\.ts$/.exec(output.moduleIds[0]!);
          if (match) (match[2] === 'shell' ? shells : peopleSets)[match[1]!] = `/${output.fileName}`;
        }
        if (!shells[DEFAULT_LOCALE]) throw new Error(`locale-preload: no chunk for the ${DEFAULT_LOCALE} shell messages`);
        if (!peopleSets[DEFAULT_LOCALE]) throw new Error(`locale-preload: no chunk for the ${DEFAULT_LOCALE} people's messages`);
        // Data, not code: public/boot.js reads it (the Content-Security-Policy allows no inline script).
        const data = JSON.stringify({
          shells,
          peopleSets,
          shellOnlyPaths: SHELL_ONLY_PATHS,
          storageKey: LOCALE_STORAGE_KEY,
          fallback: DEFAULT_LOCALE,
        }).replace(/</g, '\\u003c');
        const script = `<script type="application/json" id="locale-chunks">${data}</script>`;
        const entry = html.indexOf('<script type="module"');
        if (entry < 0) throw new Error('locale-preload: no entry script in index.html');
        return `${html.slice(0, entry)}${script}\n    ${html.slice(entry)}`;
      },
    },
  };
}
