import { Text, View } from '@tarojs/components';
import './index.scss';

export interface InfoItem {
  /** Stable hook for e2e tests. */
  id: string;
  label: string;
  value: string;
}

/** Label/value rows; long values wrap under their label instead of widening the page. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <View className="info-list">
      {items.map((item) => (
        <View key={item.id} className="info-list__row">
          <Text className="info-list__label">{item.label}</Text>
          <Text id={item.id} className="info-list__value">
            {item.value}
          </Text>
        </View>
      ))}
    </View>
  );
}
