import type { ServiceView } from '../../services/station-view';
import { Tile } from '../tile';

export interface ServiceCardProps {
  service: ServiceView;
}

/** One of the station's four services, with whether it can be used here (`service-card--on|off`). */
export function ServiceCard({ service }: ServiceCardProps) {
  const state = service.available ? 'on' : 'off';
  return (
    <Tile
      id={`service-${service.key}`}
      className={`service-card service-card--${state} service-card--${service.key}`}
      name={service.name}
      description={service.description}
      status={service.statusLabel}
      statusTone={service.available ? 'brand' : 'muted'}
      edge={service.available ? 'brand' : 'off'}
    />
  );
}
