/**
 * The weapp build's code entry: none. In WeChat a villager scans the station's QR code (the home page's
 * scan button), so the typed-code field of the H5 build (code-entry.tsx, picked by Taro's per-platform
 * file resolution) and its text field stay out of the main package the first scan downloads.
 */
export function CodeEntry() {
  return null;
}
