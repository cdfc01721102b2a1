/**
 * An inline script for the H5 index.html head, right after Taro's own (which sets the root font
 * size, the rem every size is made of, from the screen width, again on each resize): care mode.
 * It multiplies that root size by the reader's font scale, so text, spacing and tap targets grow
 * together as in WeChat's large-font settings. The scale comes from `?fontScale=1.5` in the URL
 * (kept in localStorage for later visits), else localStorage `yinong.fontScale`, else the browser's
 * default font size against 16 px; clamped to 1-2. ES5: it runs before any polyfill.
 */
export const FONT_SCALE_STORAGE_KEY = 'yinong.fontScale';

export function h5CareScript(): string {
  return `(function () {
  var key = ${JSON.stringify(FONT_SCALE_STORAGE_KEY)};
  var asked = /[?&]fontScale=([0-9.]+)/.exec(location.href);
  var scale;
  try {
    if (asked) localStorage.setItem(key, asked[1]);
    scale = parseFloat(localStorage.getItem(key));
  } catch (e) {}
  if (!(scale > 0)) {
    var probe = document.createElement('div');
    probe.style.fontSize = 'medium';
    document.documentElement.appendChild(probe);
    scale = parseFloat(getComputedStyle(probe).fontSize) / 16;
    probe.parentNode.removeChild(probe);
  }
  scale = Math.min(Math.max(scale || 1, 1), 2);
  if (scale === 1) return;
  var root = document.documentElement;
  var applied;
  function apply() {
    if (root.style.fontSize === applied) return;
    applied = parseFloat(root.style.fontSize) * scale + 'px';
    root.style.fontSize = applied;
  }
  apply();
  root.setAttribute('data-font-scale', String(scale));
  window.addEventListener('resize', function () { setTimeout(apply, 0); setTimeout(apply, 520); });
})();`;
}
