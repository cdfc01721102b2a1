import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { bootLocale } from './i18n/locale-boot';
import { MAIN_PAGES } from './services/main-routes';
import './app.scss';

// The chosen (or the system's) language, before any page renders its first text.
bootLocale();

function App({ children }: PropsWithChildren) {
  // An unknown route (a mistyped or outdated link) would be a blank page with no way out: show
  // the not-found page in its place (replaced, so Back does not return to the blank one).
  usePageNotFound((event) => {
    if (event.path.replace(/^\//, '') === MAIN_PAGES.notFound.replace(/^\//, '')) return;
    void Taro.redirectTo({ url: MAIN_PAGES.notFound });
  });
  // children is the page being rendered
  return children;
}

export default App;
