import { useEffect, useRef } from 'react';
import Taro, { useReady } from '@tarojs/taro';

/**
 * The page's navigation-bar title in the chosen language. A page config's navigationBarTitleText is
 * fixed at build time (zh-CN), so every page also passes its title here (the same catalogue key, checked
 * by tests/unit/miniprogram/nav-titles.test.ts), or a title of its own once it has one (a station's
 * name). Set from onReady on: earlier, Taro's H5 router would put the config's title back over it.
 * Changing the language relaunches, so each page sets its title again in the new one.
 */
export function useNavTitle(title: string): void {
  const ready = useRef(false);
  const show = () => {
    if (ready.current) void Taro.setNavigationBarTitle({ title });
  };
  useReady(() => {
    ready.current = true;
    show();
  });
  useEffect(show, [title]);
}
