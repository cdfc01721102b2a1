import { Text } from '@tarojs/components';
import { cachedAgeText } from '../../services/offline-cache';
import './index.scss';

/** "无网络，显示 3 小时前的内容" above a list shown from the device's copy; nothing while it is live. */
export function OfflineAge({ id, cachedAt }: { id: string; cachedAt: number | undefined }) {
  if (!cachedAt) return null;
  return (
    <Text id={id} className="offline-age">
      {cachedAgeText(cachedAt)}
    </Text>
  );
}
