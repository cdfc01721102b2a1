import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { t } from '../../../i18n/ask';

/** Asks before leaving with typed text: WeChat's own back-button dialog, the browser's on H5 (as the compose page does). */
export function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      if (dirty) void Taro.enableAlertBeforeUnload({ message: t('ask.form.leaveText') });
      else void Taro.disableAlertBeforeUnload();
      return undefined;
    }
    if (!dirty || typeof window === 'undefined') return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** The page's own 返回: asks first when there is typed text. */
export async function leaveAsking(dirty: boolean) {
  if (dirty) {
    const { confirm } = await Taro.showModal({ title: t('ask.form.leaveTitle'), content: t('ask.form.leaveText') });
    if (!confirm) return;
  }
  void Taro.navigateBack();
}
