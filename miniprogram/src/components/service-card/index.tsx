import { Text, View } from '@tarojs/components';
import type { ServiceView } from '../../services/station-view';
import './index.scss';

export interface ServiceCardProps {
  service: ServiceView;
}

/** One of the station's four services, with whether it can be used here. */
export function ServiceCard({ service }: ServiceCardProps) {
  const state = service.available ? 'on' : 'off';
  return (
    <View id={`service-${service.key}`} className={`service-card service-card--${state} service-card--${service.key}`}>
      <View className='service-card__head'>
        <Text className='service-card__name'>{service.name}</Text>
        <Text className={`service-card__status service-card__status--${state}`}>{service.statusLabel}</Text>
      </View>
      <Text className='service-card__desc'>{service.description}</Text>
    </View>
  );
}
