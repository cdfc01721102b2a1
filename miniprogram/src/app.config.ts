import { t } from './i18n';

export default defineAppConfig({
  // The main package carries the scan -> station path and "me" (sign-in). Finding a station without
  // its QR code (browse, search, nearest) and the staff flows are subpackages, loaded when opened.
  pages: ['pages/index/index', 'pages/station/index', 'pages/me/index'],
  subPackages: [
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
      ],
    },
    // A payment's receipt on its own: villagers open it from "me", so it must not pull in the officer
    // subpackage (the officer's void panel is small and lives here too). Beside it, the villager's
    // household payments ("我家的缴费", opened from "me"), whose rows open those receipts.
    { root: 'packages/receipt', pages: ['pages/index/index', 'pages/household/index'] },
    { root: 'packages/admin', pages: ['pages/index/index', 'pages/station/index', 'pages/reconciliations/index'] },
    // Writing and reviewing information items (公益服务): experts and admins only. The write/edit page
    // (and its image uploads) here; the author's list, the review queue and an item's page beside it.
    { root: 'packages/publish', pages: ['pages/edit/index'] },
    // Where an unknown route lands (app.tsx): a page of its own, kept out of the main package.
    { root: 'packages/notfound', pages: ['pages/index/index'] },
  ],
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
