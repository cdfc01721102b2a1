import { Text, View } from '@tarojs/components';
import './index.scss';

export interface FeatureCardProps {
  id: string;
  name: string;
  description: string;
  /** A badge such as "即将上线". */
  status: string;
}

/** A feature of a workspace that is not there yet: what it will do and when. */
export function FeatureCard({ id, name, description, status }: FeatureCardProps) {
  return (
    <View id={id} className='feature-card'>
      <View className='feature-card__head'>
        <Text className='feature-card__name'>{name}</Text>
        <Text className='feature-card__status'>{status}</Text>
      </View>
      <Text className='feature-card__desc'>{description}</Text>
    </View>
  );
}
