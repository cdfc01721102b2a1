import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `reload` when the user comes back to the page (another page was opened over it and
 * closed): the workbench shows the payment just made, the receipt the void just done. The first
 * show is the page's own first load.
 */
export function useReloadOnShow(reload: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    reload();
  });
}
