import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * scorm-again's browser build, served from the content origin (no CDN). The Lambda bundle ships
 * it beside itself (build.mjs copies it); the local server and tests read it from node_modules.
 */
let runtime: string | null = null;
export function scormAgainSource(): string {
  if (runtime === null) {
    const beside = join(dirname(fileURLToPath(import.meta.url)), 'scorm-again.min.js');
    const path = existsSync(beside) ? beside : createRequire(import.meta.url).resolve('scorm-again/min');
    runtime = readFileSync(path, 'utf8');
  }
  return runtime;
}

/**
 * The player's own script: it makes the SCORM 1.2 `API` or SCORM 2004 `API_1484_11` object with
 * scorm-again, loads the saved CMI data (resume), frames the SCO and commits to the content
 * origin's commit endpoint (its path carries the session token). After each commit it tells the app window
 * (only the origin that launched it) the module's status, so the reader can show it.
 */
export const PLAYER_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('scorm-config').textContent);
  function tellApp(status) {
    if (window.parent !== window && status) window.parent.postMessage({ type: 'manabi:scorm-status', status: status }, config.appOrigin);
  }
  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: 'flattened',
    includeCommitSequence: true,
    autocommit: true,
    autocommitSeconds: 30,
    logLevel: 5,
    xhrResponseHandler: function (xhr) {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      var ok = xhr.status >= 200 && xhr.status < 300 && body !== null && (body.result === true || body.result === 'true');
      if (body && body.status) tellApp(body.status);
      return { result: ok ? 'true' : 'false', errorCode: ok ? 0 : 101 };
    }
  };
  var api = config.version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  api.loadFromJSON(config.cmi, '');
  if (config.version === '1.2') window.API = api; else window.API_1484_11 = api;
  var frame = document.getElementById('sco');
  frame.src = config.scoUrl;
  window.parent.postMessage({ type: 'manabi:scorm-ready' }, config.appOrigin);
})();
`;

/** JSON inside a <script type="application/json"> must not be able to close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function playerHtml(config: {
  version: '1.2' | '2004';
  title: string;
  cmi: unknown;
  scoUrl: string;
  commitUrl: string;
  appOrigin: string;
}): string {
  const title = config.title.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>html,body{margin:0;height:100%;background:#fff}iframe{border:0;width:100%;height:100%;display:block}</style>
<script type="application/json" id="scorm-config">${scriptJson(config)}</script>
<script src="/scorm/runtime.js"></script>
<script src="/scorm/player.js" defer></script>
</head>
<body>
<iframe id="sco" title="${title}" data-testid="scorm-sco"></iframe>
</body>
</html>`;
}

/** A plain page for a launch that cannot start (expired or foreign token, deleted package). */
export function playerErrorHtml(message: { ja: string; en: string }): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>SCORM</title></head><body><p data-testid="scorm-error">${message.ja}</p><p lang="en">${message.en}</p></body></html>`;
}
