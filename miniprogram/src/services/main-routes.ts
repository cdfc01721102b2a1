import Taro from '@tarojs/taro';

/** A subpackage page's path: `sub('officer', 'pay')` is '/packages/officer/pages/pay/index' (spelled once). */
export const sub = (root: string, page = 'index') => `/packages/${root}/pages/${page}/index`;

/**
 * The pages the main package's pages open (home, station, the app's not-found redirect), as the absolute
 * path `Taro.navigateTo` takes. Only these: every page name costs the main package a villager downloads
 * on the first scan, so pages opened only from subpackages are named in routes.ts (which the
 * subpackages import, and which spreads these in).
 */
export const MAIN_PAGES = {
  home: '/pages/index/index',
  station: '/pages/station/index',
  // A station's details (hours, the officer's phone, capabilities, the map, 设为我的站点), one tap from the station page.
  stationAbout: sub('station', 'about'),
  me: sub('me'),
  browse: sub('find', 'browse'),
  search: sub('find', 'search'),
  nearest: sub('find', 'nearest'),
  officer: sub('officer'),
  admin: sub('admin'),
  feed: sub('feed'),
  feedItem: sub('feed', 'item'),
  prices: sub('prices'),
  ask: sub('ask'),
  market: sub('market'),
  trainings: sub('training'),
  notFound: sub('notfound'),
} as const;

export type MainPageName = keyof typeof MAIN_PAGES;

/** A path with its query, values encoded; undefined values are left out. Pages' and API calls' URLs alike. */
export function withQuery(path: string, query: Record<string, string | number | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** Opens a page over the current one (back returns here). */
export function openMainPage(page: MainPageName, query?: Record<string, string | undefined>): void {
  void Taro.navigateTo({ url: withQuery(MAIN_PAGES[page], query) });
}

/** Back to the home page, closing every page above it. */
export function goHome(): void {
  void Taro.reLaunch({ url: MAIN_PAGES.home });
}
