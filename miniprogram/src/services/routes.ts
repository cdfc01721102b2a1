import Taro from '@tarojs/taro';
import { MAIN_PAGES, sub, withQuery } from './main-routes';

export { goHome } from './main-routes';

/**
 * Every page of the app.config.ts, as the absolute path `Taro.navigateTo` takes: the main pages'
 * (main-routes.ts, which the main package imports instead of this module) and the rest. The main package
 * holds the scan -> station path; 我的 (sign-in), finding a station (browse, search, nearest), the staff
 * pages and a payment's receipt (villagers open it too) are subpackages, loaded when first opened.
 */
export const PAGES = {
  ...MAIN_PAGES,
  officerStation: sub('officer', 'station'),
  workbench: sub('officer', 'payments'),
  pay: sub('officer', 'pay'),
  households: sub('officer', 'households'),
  household: sub('officer', 'household'),
  closeDay: sub('officer', 'close'),
  ledger: sub('officer', 'ledger'),
  closes: sub('officer', 'closes'),
  officerAlerts: sub('officer', 'alerts'),
  feedAcks: sub('officer', 'acks'),
  receipt: sub('receipt'),
  myHousehold: sub('receipt', 'household'),
  // 我的服务评价: the caller's and their household's services, each rated once.
  myServices: sub('receipt', 'services'),
  adminStation: sub('admin', 'station'),
  reconciliations: sub('admin', 'reconciliations'),
  appointExpert: sub('admin', 'experts'),
  // Publishing (experts and admins): their items, the review queue, an item with its moves, the write/edit form.
  publish: sub('publish'),
  publishReview: sub('publish', 'review'),
  publishItem: sub('publish', 'item'),
  publishEdit: sub('publish', 'edit'),
  adminAlerts: sub('admin', 'alerts'),
  ackRates: sub('admin', 'ack-rates'),
  // Market prices (市场行情): the overview and a series; the officer's 报价格 and the admin's reports of a market.
  priceSeries: sub('prices', 'series'),
  reportPrice: sub('officer', 'price-report'),
  // 农产品代销 (officer): the station's sellers, a listing's form and history, the station's listings and orders.
  sellers: sub('officer', 'sellers'),
  listingEdit: sub('officer', 'listing-edit'),
  stationListings: sub('officer', 'station-listings'),
  // 提货与发货 (officer): the pickup counter and today's manifest with shipping.
  fulfil: sub('officer', 'fulfil'),
  // 我的本月 (officer): the month's services against its target, and 一键登记咨询.
  serviceMonth: sub('officer', 'month'),
  // 服务督导 (admins): a region's figures, children weakest first, drill down.
  supervision: sub('admin', 'supervision'),
  priceReports: sub('admin', 'price-reports'),
  // Ask an expert (问专家): search and 我的提问, the ask form, a question, the expert's inbox.
  askForm: sub('ask', 'ask'),
  question: sub('ask', 'question'),
  questionInbox: sub('ask', 'inbox'),
  // 农产品 (the marketplace, buyers): browse, a listing, the carts, an order with 支付, my orders.
  listing: sub('market', 'listing'),
  cart: sub('market', 'cart'),
  order: sub('market', 'order'),
  orders: sub('market', 'orders'),
  // 我卖的农产品: a linked seller's listings, sales and earnings (opened from 我的).
  sellerAccount: sub('market', 'seller'),
  // A remote pay link (远程代付): the payer's page, opened from the link the officer sends.
  payLink: sub('paylink'),
  // Training (培训体验): a station's sessions, a session, the schedule form, the officer's attendance, the QR code's check-in.
  trainingSession: sub('training', 'session'),
  trainingEdit: sub('training', 'edit'),
  trainingAttendance: sub('training', 'attendance'),
  trainingCheckin: sub('training', 'checkin'),
} as const;

export type PageName = keyof typeof PAGES;

/** A page path with its query, values encoded; undefined values are left out. */
export function pageUrl(page: PageName, query: Record<string, string | undefined> = {}): string {
  return withQuery(PAGES[page], query);
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
