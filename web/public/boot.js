// Runs at the start of the page load, beside the app's code (a file of the app's own origin: the
// Content-Security-Policy allows no inline script).
// - The session restore: main.ts hands this request's answer to the auth store (same request,
//   cookie and rules as the store's own refresh).
// - The starting language's messages: preloaded as the app will pick them (this device's choice,
//   else the default), from the chunk names the build writes into #locale-chunks: the shell
//   always, the people's set (what every signed-in person's pages use) on a signed-in page's path.
(function () {
  window.sessionRestore = fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'include',
    headers: { Accept: 'application/json' },
  }).catch(function () {
    return null;
  });
  var data = document.getElementById('locale-chunks');
  if (!data) return;
  var config = JSON.parse(data.textContent);
  var chosen;
  try {
    chosen = localStorage.getItem(config.storageKey);
  } catch {
    // Storage refused (private mode, a policy): the default language.
    chosen = null;
  }
  function preload(href) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    // crossorigin as on the build's own preloads, so the import() reuses this very download.
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
  var locale = config.shells[chosen] ? chosen : config.fallback;
  preload(config.shells[locale]);
  // A signed-in page needs the people's messages: fetch them with the page, not after the code.
  if (!new RegExp(config.shellOnlyPaths).test(location.pathname)) preload(config.peopleSets[locale]);
})();
