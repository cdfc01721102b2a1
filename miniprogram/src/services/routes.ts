import Taro from '@tarojs/taro';

/**
 * Every page of the app.config.ts, as the absolute path `Taro.navigateTo` takes. The main package
 * holds the scan -> station path; 我的 (sign-in), finding a station (browse, search, nearest), the staff
 * pages and a payment's receipt (villagers open it too) are subpackages, loaded when first opened.
 */
export const PAGES = {
  home: '/pages/index/index',
  station: '/pages/station/index',
  me: '/packages/me/pages/index/index',
  browse: '/packages/find/pages/browse/index',
  search: '/packages/find/pages/search/index',
  nearest: '/packages/find/pages/nearest/index',
  officer: '/packages/officer/pages/index/index',
  officerStation: '/packages/officer/pages/station/index',
  workbench: '/packages/officer/pages/payments/index',
  pay: '/packages/officer/pages/pay/index',
  households: '/packages/officer/pages/households/index',
  household: '/packages/officer/pages/household/index',
  closeDay: '/packages/officer/pages/close/index',
  ledger: '/packages/officer/pages/ledger/index',
  closes: '/packages/officer/pages/closes/index',
  officerAlerts: '/packages/officer/pages/alerts/index',
  feedAcks: '/packages/officer/pages/acks/index',
  receipt: '/packages/receipt/pages/index/index',
  myHousehold: '/packages/receipt/pages/household/index',
  admin: '/packages/admin/pages/index/index',
  adminStation: '/packages/admin/pages/station/index',
  reconciliations: '/packages/admin/pages/reconciliations/index',
  appointExpert: '/packages/admin/pages/experts/index',
  // Publishing (experts and admins): their items, the review queue, an item with its moves, the write/edit form.
  publish: '/packages/publish/pages/index/index',
  publishReview: '/packages/publish/pages/review/index',
  publishItem: '/packages/publish/pages/item/index',
  publishEdit: '/packages/publish/pages/edit/index',
  adminAlerts: '/packages/admin/pages/alerts/index',
  ackRates: '/packages/admin/pages/ack-rates/index',
  feed: '/packages/feed/pages/index/index',
  feedItem: '/packages/feed/pages/item/index',
  // Market prices (市场行情): the overview and a series; the officer's 报价格 and the admin's reports of a market.
  prices: '/packages/prices/pages/index/index',
  priceSeries: '/packages/prices/pages/series/index',
  reportPrice: '/packages/officer/pages/price-report/index',
  // 农产品代销 (officer): the station's sellers, a listing's form and history, the station's listings and orders.
  sellers: '/packages/officer/pages/sellers/index',
  listingEdit: '/packages/officer/pages/listing-edit/index',
  stationListings: '/packages/officer/pages/station-listings/index',
  priceReports: '/packages/admin/pages/price-reports/index',
  // Ask an expert (问专家): search and 我的提问, the ask form, a question, the expert's inbox.
  ask: '/packages/ask/pages/index/index',
  askForm: '/packages/ask/pages/ask/index',
  question: '/packages/ask/pages/question/index',
  questionInbox: '/packages/ask/pages/inbox/index',
  // 农产品 (the marketplace, buyers): browse, a listing, the carts, an order with 支付, my orders.
  market: '/packages/market/pages/index/index',
  listing: '/packages/market/pages/listing/index',
  cart: '/packages/market/pages/cart/index',
  order: '/packages/market/pages/order/index',
  orders: '/packages/market/pages/orders/index',
  notFound: '/packages/notfound/pages/index/index',
  // A remote pay link (远程代付): the payer's page, opened from the link the officer sends.
  payLink: '/packages/paylink/pages/index/index',
} as const;

export type PageName = keyof typeof PAGES;

/** A page path with its query, values encoded; undefined values are left out. */
export function pageUrl(page: PageName, query: Record<string, string | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `${PAGES[page]}?${pairs.join('&')}` : PAGES[page];
}

/** Opens a page over the current one (back returns here). */
export function openPage(page: PageName, query?: Record<string, string | undefined>): void {
  void Taro.navigateTo({ url: pageUrl(page, query) });
}

/** Replaces the current page (back skips it): a finished form gives way to its result. */
export function replacePage(page: PageName, query?: Record<string, string | undefined>): void {
  void Taro.redirectTo({ url: pageUrl(page, query) });
}

/** Back to a page below in the stack (the workbench after a close), or opened afresh when it is not there. */
export function goBackTo(page: PageName): void {
  const stack = Taro.getCurrentPages?.() ?? [];
  const path = PAGES[page].replace(/^\//, '');
  const index = stack.map((entry) => (entry.route ?? '').replace(/^\//, '')).lastIndexOf(path);
  if (index >= 0 && index < stack.length - 1) void Taro.navigateBack({ delta: stack.length - 1 - index });
  else void Taro.redirectTo({ url: PAGES[page] });
}

/** Back to the home page, closing every page above it. */
export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

/** A return address is one of our own pages (never a URL from elsewhere), with its query. */
function isOwnPage(url: string): boolean {
  const path = url.split('?')[0];
  return (Object.values(PAGES) as string[]).includes(path);
}

/** "Me" to sign in, remembering the page to come back to afterwards (returnAfterSignIn). */
export function openSignIn(returnTo: string): void {
  openPage('me', { returnTo });
}

/**
 * After a sign-in on "me" opened by openSignIn: back to the page it came from, which is still
 * below in the stack (it refreshes itself when shown); opened afresh when it is not (a reload of
 * "me" on H5). Returns false when there is nowhere to return to, so "me" stays.
 */
export function returnAfterSignIn(returnTo: string | undefined): boolean {
  if (!returnTo || !isOwnPage(returnTo)) return false;
  const stack = Taro.getCurrentPages?.() ?? [];
  const below = stack.length >= 2 ? (stack[stack.length - 2].route ?? '').replace(/^\//, '') : undefined;
  if (below !== undefined && below === returnTo.split('?')[0].replace(/^\//, '')) void Taro.navigateBack({ delta: 1 });
  else void Taro.redirectTo({ url: returnTo });
  return true;
}
