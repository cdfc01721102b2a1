/**
 * An inline script for the H5 index.html (built into it, so it runs with the first response, long
 * before the ~100 KB of JavaScript arrive over a slow link). When the URL opens a station
 * (`#/pages/station/index?scene=<code>`, what a QR code or a shared link opens) it:
 *   - shows the station code and a skeleton of the page at once, until the app renders the page;
 *   - starts `GET /stations/by-code/<code>` now, beside the JavaScript, instead of after it; the
 *     station page takes that answer (services/station-prefetch.ts) instead of asking again; when
 *     it arrives first, the skeleton shows the station's name (the app's own title, same text);
 *   - preloads the station page's chunks (config/page-preload.ts fills in their names), which Taro
 *     would otherwise ask for only after app.js has run: one round trip instead of three.
 * Texts come from the catalogue; ES5 only (it runs before any polyfill).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STATION_PREFETCH_GLOBAL } from '../src/services/station-prefetch-global';
import { STATION_PAGE_FILES_PLACEHOLDER } from './page-preload';

/**
 * A text of the zh-CN catalogue, read from its source: Taro's config loader compiles only config/,
 * so the catalogue module cannot be imported here.
 */
function catalogueText(key: string): string {
  const source = readFileSync(path.resolve(__dirname, '../src/i18n/messages/zh-CN.ts'), 'utf8');
  const match = new RegExp(`^\\s*'${key.replace(/\./g, '\\.')}': '([^']*)',$`, 'm').exec(source);
  if (!match) throw new Error(`config/h5-boot.ts: no '${key}' in the zh-CN catalogue`);
  return match[1];
}

/** The window property the station page reads the early answer from (services/station-prefetch.ts). */
export { STATION_PREFETCH_GLOBAL };

export function h5BootScript(apiBase: string): string {
  const texts = { code: catalogueText('station.code'), loading: catalogueText('station.loading'), name: catalogueText('station.name') };
  return `(function () {
  var match = /^#\\/pages\\/station\\/index\\?(?:[^#]*&)?scene=([^&#]*)/.exec(location.hash);
  if (!match) return;
  var code;
  try { code = decodeURIComponent(match[1]).replace(/\\s+/g, ''); } catch (e) { return; }
  if (!/^[0-9A-Za-z]{1,32}$/.test(code)) return;
  var texts = ${JSON.stringify(texts)};
  var title;
  if (window.fetch) {
    window.${STATION_PREFETCH_GLOBAL} = {
      code: code,
      answer: fetch(${JSON.stringify(apiBase)} + '/stations/by-code/' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (station) {
          if (station && typeof station.villageName === 'string' && title) {
            title.className = 'boot-title';
            title.textContent = texts.name.replace('{village}', station.villageName);
          }
          return station;
        })
        .catch(function () { return null; })
    };
  }
  // After the data request, so that it is not queued behind them (6 connections per host over HTTP/1.1).
  var pageFiles = ${STATION_PAGE_FILES_PLACEHOLDER};
  if (pageFiles && pageFiles.forEach) {
    pageFiles.forEach(function (file) {
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = /\\.css$/.test(file) ? 'style' : 'script';
      link.href = file;
      document.head.appendChild(link);
    });
  }
  var skeleton = document.createElement('div');
  skeleton.id = 'boot-skeleton';
  skeleton.setAttribute('aria-busy', 'true');
  skeleton.innerHTML = '<div class="boot-hero"><div class="boot-bar boot-bar--title"></div><div class="boot-line"></div></div>' +
    '<div class="boot-card"><div class="boot-bar"></div><div class="boot-bar boot-bar--short"></div></div>' +
    '<div class="boot-card"><div class="boot-bar"></div><div class="boot-bar"></div><div class="boot-bar boot-bar--short"></div></div>' +
    '<div class="boot-loading"></div>';
  skeleton.querySelector('.boot-line').textContent = texts.code.replace('{code}', code);
  title = skeleton.querySelector('.boot-bar--title');
  skeleton.querySelector('.boot-loading').textContent = texts.loading;
  var style = document.createElement('style');
  style.textContent = '#boot-skeleton{position:fixed;top:0;right:0;bottom:0;left:0;z-index:1000;background:#f4f6f3;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif}' +
    '.boot-hero{background:#1e7f4f;color:#fff;padding:24px 16px 20px}.boot-line{margin-top:12px;font-size:14px;opacity:.9}' +
    '.boot-bar{height:14px;border-radius:7px;background:#e3e8e2;margin:10px 0}.boot-hero .boot-bar{background:rgba(255,255,255,.35)}' +
    '.boot-bar--title{height:24px;width:60%}.boot-bar--short{width:45%}.boot-title{font-size:22px;font-weight:600;line-height:1.3}' +
    '.boot-card{background:#fff;border-radius:12px;margin:12px 16px;padding:8px 16px}.boot-loading{color:#6b776d;font-size:13px;text-align:center;margin-top:16px}';
  document.head.appendChild(style);
  document.body.appendChild(skeleton);
  // The app's station page replaces the skeleton once it is past its own loading state (which shows
  // the code only: taking over earlier would hide a name already shown), or any other page with text.
  var app = document.getElementById('app');
  if (!app || !window.MutationObserver) return;
  var observer = new MutationObserver(function () {
    if ((app.textContent || '').trim() === '' || document.getElementById('station-loading')) return;
    observer.disconnect();
    skeleton.parentNode && skeleton.parentNode.removeChild(skeleton);
    style.parentNode && style.parentNode.removeChild(style);
  });
  observer.observe(app, { childList: true, subtree: true, characterData: true });
})();`;
}
