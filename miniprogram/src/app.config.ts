import { t } from './i18n';

export default defineAppConfig({
  // The main package carries the scan -> station path. 我的 (sign-in), finding a station without
  // its QR code (browse, search, nearest) and the staff flows are subpackages, loaded when opened.
  pages: ['pages/index/index', 'pages/station/index'],
  subPackages: [
    // 我的 (sign-in, the account, the home station): opened from a page's 登录 / 我的, not on the first scan.
    { root: 'packages/me', pages: ['pages/index/index'] },
    // A station's details (hours, the officer and the phone, capabilities, the map, 设为我的站点): one tap from the
    // station page, which keeps only what the first scan needs (who it is, open now, alerts, services).
    { root: 'packages/station', pages: ['pages/about/index'] },
    { root: 'packages/find', pages: ['pages/browse/index', 'pages/search/index', 'pages/nearest/index'] },
    {
      root: 'packages/officer',
      pages: [
        'pages/index/index',
        'pages/station/index',
        // Convenience payments (代缴): workbench, new payment, households, day close, the cash ledger of
        // any day and the closed days.
        'pages/payments/index',
        'pages/pay/index',
        'pages/households/index',
        'pages/household/index',
        'pages/close/index',
        'pages/ledger/index',
        'pages/closes/index',
        // Alerts that ask households to acknowledge (收到): who has not, and "informed" marks.
        'pages/alerts/index',
        'pages/acks/index',
        // 报价格: a market price seen in the station's prefecture.
        'pages/price-report/index',
        // 农产品代销: sellers, a listing (create, edit, history), the station's listings and orders.
        'pages/sellers/index',
        'pages/listing-edit/index',
        'pages/station-listings/index',
        // 提货与发货: the pickup counter (code or QR), today's manifest by seller, shipping and consignments.
        'pages/fulfil/index',
        // 我的本月: services against the month's target, 一键登记咨询.
        'pages/month/index',
      ],
    },
    // A payment's receipt on its own: villagers open it from "me", so it must not pull in the officer
    // subpackage (the officer's void panel is small and lives here too). Beside it, the villager's
    // household payments ("我家的缴费", opened from "me"), whose rows open those receipts.
    // 我的服务评价 (the villager rates what the station did for them, once) sits beside it.
    { root: 'packages/receipt', pages: ['pages/index/index', 'pages/household/index', 'pages/services/index'] },
    {
      root: 'packages/admin',
      pages: [
        'pages/index/index',
        'pages/station/index',
        'pages/reconciliations/index',
        'pages/experts/index',
        'pages/alerts/index',
        'pages/ack-rates/index',
        // A market's price reports, to mark an outlier wrong.
        'pages/price-reports/index',
        // 服务督导: a region's services from aggregates, children weakest first, drill down to stations.
        'pages/supervision/index',
      ],
    },
    // Writing and reviewing information items (公益服务): experts and admins only. Their own items, the
    // review queue, an item with its moves, and the write/edit page (with its image uploads).
    { root: 'packages/publish', pages: ['pages/index/index', 'pages/review/index', 'pages/item/index', 'pages/edit/index'] },
    // The information feed (公益服务) villagers read: the list of a place and an item with its 收到 button.
    { root: 'packages/feed', pages: ['pages/index/index', 'pages/item/index'] },
    // Market prices (市场行情) anyone reads: the latest per market and a series with its chart (AntV F2, here only).
    { root: 'packages/prices', pages: ['pages/index/index', 'pages/series/index'] },
    // Ask an expert (问专家, 公益服务): search answered questions and 我的提问, the ask form (photos), a
    // question with its answer (the answer's subscribe message opens it), and the expert's inbox.
    { root: 'packages/ask', pages: ['pages/index/index', 'pages/ask/index', 'pages/question/index', 'pages/inbox/index'] },
    // 农产品 (电子商务) for buyers: browse and search listings, a listing, the carts (per seller), an order
    // with 支付 and 取消, my orders. Opened from the station page and from 我的. Beside them, 我卖的农产品: a
    // linked seller's listings, sales and earnings, opened from 我的.
    {
      root: 'packages/market',
      pages: ['pages/index/index', 'pages/listing/index', 'pages/cart/index', 'pages/order/index', 'pages/orders/index', 'pages/seller/index'],
    },
    // A remote pay link (远程代付): someone elsewhere opens the officer's link (?t=<token>), sees the bill and
    // pays with WeChat Pay. Its own subpackage: neither the main package nor the officer's carries it.
    { root: 'packages/paylink', pages: ['pages/index/index'] },
    // Training (培训体验): a station's sessions, a session (sign up, check-in result), the officer's schedule form
    // and attendance (the QR code, people without a phone), and the page the session's QR code opens.
    {
      root: 'packages/training',
      pages: ['pages/index/index', 'pages/session/index', 'pages/edit/index', 'pages/attendance/index', 'pages/checkin/index'],
    },
    // Where an unknown route lands (app.tsx): a page of its own, kept out of the main package.
    { root: 'packages/notfound', pages: ['pages/index/index'] },
  ],
  // 我的 is where a station page's 去登录 leads, and the station's details are one tap from it: both are
  // fetched in the background once the station shows, so neither tap waits, while the first scan
  // downloads only the main package.
  preloadRule: { 'pages/station/index': { network: 'all', packages: ['packages/me', 'packages/station'] } },
  // "Nearest stations" asks for the position once; officers pick their station on the map.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: t('app.locationPurpose') },
  },
  // H5 only (weapp's app.json has no such field): no slide between pages. Taro's H5 router times the
  // hide and show of an animated transition with separate timers, and a quick Back between two pages
  // of the same path (the browse levels) sometimes left no page shown; without the animation the
  // switch is immediate, which also suits slow phones.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f3',
    navigationBarBackgroundColor: '#1e7f4f',
    navigationBarTitleText: t('app.name'),
    navigationBarTextStyle: 'white',
  },
});
