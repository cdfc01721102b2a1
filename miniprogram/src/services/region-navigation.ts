import Taro from '@tarojs/taro';
import { PAGES, openPage, replacePage } from './routes';

/** Down one level: a new browse page, so Back (the browser's too) returns to this one. */
export function openRegion(code: string): void {
  openPage('browse', { region: code });
}

/** How many browse pages lie directly below the current one in the page stack. */
function browsePagesBelow(): number {
  const stack = Taro.getCurrentPages?.() ?? [];
  const browse = PAGES.browse.replace(/^\//, '');
  let count = 0;
  for (let index = stack.length - 2; index >= 0 && (stack[index].route ?? '').replace(/^\//, '') === browse; index--) count++;
  return count;
}

/**
 * Up to an ancestor (a breadcrumb). `chain` is the shown region's ancestors, province first. Going
 * down only ever opens a child, so the browse pages directly below are the last levels of the chain:
 * when the ancestor is among them, go back to it (the levels above it stay in the history); when the
 * page was opened deeper by a link, show the ancestor in its place.
 */
export function goUpToRegion(code: string, chain: ReadonlyArray<{ code: string }>): void {
  const index = chain.findIndex((region) => region.code === code);
  const delta = chain.length - index;
  if (index >= 0 && delta <= browsePagesBelow()) void Taro.navigateBack({ delta });
  else replacePage('browse', { region: code });
}
