import { t } from './i18n';

export default defineAppConfig({
  // The main package carries the scan -> station path and "me" (sign-in); staff flows are subpackages.
  pages: ['pages/index/index', 'pages/station/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/officer', pages: ['pages/index/index'] },
    { root: 'packages/admin', pages: ['pages/index/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f3',
    navigationBarBackgroundColor: '#1e7f4f',
    navigationBarTitleText: t('app.name'),
    navigationBarTextStyle: 'white',
  },
});
