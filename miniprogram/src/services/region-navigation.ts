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
 * down only ever opens a child, so the browse pages directly below are the last levels of the chain.
 * The parent is the page below: go back to it. Further up, the ancestor replaces this page: Taro H5
 * finds the page to show after a multi-page back by its path, which every level shares, and shows
 * the wrong one (a blank page). So does a page opened deeper by a link, with no levels below it.
 */
export function goUpToRegion(code: string, chain: ReadonlyArray<{ code: string }>): void {
  const isParent = chain.length > 0 && chain[chain.length - 1].code === code;
  if (isParent && browsePagesBelow() >= 1) void Taro.navigateBack({ delta: 1 });
  else replacePage('browse', { region: code });
}
