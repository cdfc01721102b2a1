import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorText, t } from '../../../i18n/training';
import { toApiErrorLike } from '../../../services/errors';

/**
 * One action at a time on a training page (sign up, cancel, check in a person): busy while it runs, and
 * the failure's text (by the API's error code) when it fails. The page shows what the action answered.
 */
export function useTrainingAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async <T>(action: () => Promise<T>, done?: (value: T) => void): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      done?.(await action());
      return true;
    } catch (failure) {
      setMessage(t('training.failed', { reason: errorText(toApiErrorLike(failure).code) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, setMessage, run };
}

/** Asks before something those signed up will see (a cancelled session). */
export async function confirmed(title: string, content: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content });
  return answer.confirm;
}
