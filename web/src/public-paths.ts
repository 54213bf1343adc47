/**
 * Where a visit needs only the shell's messages: the public pages (router.ts marks them `public`)
 * and `/`, which guests open too. index.html tests it before any code loads, to preload the
 * signed-in pages' messages with the page everywhere else (build/locale-preload.ts);
 * router.test.ts checks it against the routes. (An unknown path, the 404 page, preloads them too.)
 */
export const SHELL_ONLY_PATHS =
  '^/(?:(?:signin|signup|verify-email|set-password|verify|forgot-password|reset-password|forbidden)(?:/|$)|$)';
