import type { StationProfile } from '@shared/schemas/stations';
import { Text, View } from '@tarojs/components';
import { openPage } from '../../services/routes';
import { toStationRow } from '../../services/station-row-view';
import { ListCard, ListRow } from '../list-row';
import { Pill } from '../pill';
import './index.scss';

export interface StationListProps {
  id: string;
  /** Row ids are `<idPrefix>-<code>`. */
  idPrefix: string;
  stations: StationProfile[];
}

/**
 * Stations as rows: the village, where it is (many villages share a name), open now, and the
 * distance when the list is "nearest". A tap opens the station page.
 */
export function StationList({ id, idPrefix, stations }: StationListProps) {
  return (
    <ListCard id={id}>
      {stations.map((station) => {
        const row = toStationRow(station);
        return (
          <ListRow
            key={station.id}
            id={`${idPrefix}-${row.code}`}
            title={row.title}
            subtitle={row.place}
            aside={
              row.distance || row.openLabel ? (
                <View className="station-list__aside">
                  {row.distance ? <Text className="station-list__distance">{row.distance}</Text> : null}
                  {row.openLabel ? <Pill tone={row.openState === 'open' ? 'brand' : 'muted'}>{row.openLabel}</Pill> : null}
                </View>
              ) : undefined
            }
            onClick={() => openPage('station', { scene: row.code })}
          />
        );
      })}
    </ListCard>
  );
}
