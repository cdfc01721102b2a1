import type { EarlyRequest } from './station-prefetch-early';

/**
 * The mini-program's early request: none. Only H5's index.html asks for the station before the app's
 * JavaScript has loaded (station-prefetch-early.ts, picked by Taro's per-platform file resolution);
 * in WeChat the page asks as usual, and the main package does not carry the H5 hand-over.
 */
export function takeEarlyRequest(code: string): EarlyRequest | undefined {
  void code;
  return undefined;
}
