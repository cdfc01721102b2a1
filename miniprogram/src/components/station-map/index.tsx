import Taro from '@tarojs/taro';
import { Map, Text, View } from '@tarojs/components';
import { t } from '../../i18n/station';
import { wgs84ToGcj02 } from '../../services/datum';
import { formatCoordinates } from '../../services/coordinates';
import { openInMap } from '../../services/location';
import { ActionButton } from '../action-button';
import './index.scss';

/** Copied into the weapp build by config/index.ts (`copy`); a package-absolute path. */
const MARKER_ICON = '/assets/map-marker.png';

export interface StationMapProps {
  /** WGS84, as the API keeps it. */
  location: { lat: number; lng: number };
  name: string;
  address: string;
}

/**
 * Where the station is. WeChat: its map component with a marker (GCJ-02, converted) and the way to
 * WeChat's own map for directions. H5: no map tiles (they would come from a third party and the
 * township offices may be offline), so the coordinates in words, to copy into a phone's map app.
 */
export function StationMap({ location, name, address }: StationMapProps) {
  const coordinates = formatCoordinates(location);
  if (process.env.TARO_ENV === 'weapp') {
    const point = wgs84ToGcj02(location);
    return (
      <View className="station-map">
        <Map
          id="station-map"
          className="station-map__map"
          latitude={point.lat}
          longitude={point.lng}
          scale={14}
          markers={[{ id: 1, latitude: point.lat, longitude: point.lng, title: name, width: 24, height: 32, iconPath: MARKER_ICON }]}
          showLocation
          onError={() => undefined}
        />
        <Text id="station-coordinates" className="station-map__coordinates">
          {coordinates}
        </Text>
        <ActionButton id="station-map-open-button" kind="secondary" onClick={() => openInMap(location, name, address)}>
          {t('station.mapOpen')}
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="station-map">
      <View id="station-map" className="station-map__box">
        <Text className="station-map__pin">●</Text>
        <Text id="station-coordinates" className="station-map__coordinates">
          {coordinates}
        </Text>
      </View>
      <Text className="station-map__note">{t('station.mapH5Note')}</Text>
      <ActionButton
        id="station-copy-coordinates-button"
        kind="secondary"
        onClick={() => void Taro.setClipboardData({ data: `${location.lat},${location.lng}` })}
      >
        {t('station.copyCoordinates')}
      </ActionButton>
    </View>
  );
}
