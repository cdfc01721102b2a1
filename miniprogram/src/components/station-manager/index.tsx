import { useCallback } from 'react';
import { View } from '@tarojs/components';
import type { StationProfile } from '@shared/schemas/stations';
import { useStationHistory } from '../../hooks/use-station-history';
import { t } from '../../i18n';
import { regionChainText } from '../../services/format';
import type { EditorRole } from '../../services/station-edit';
import { PageHero } from '../page-hero';
import { PosterPanel } from '../poster-panel';
import { StationEditor } from '../station-editor';
import { StationHistory } from '../station-history';

export interface StationManagerProps {
  station: StationProfile;
  role: EditorRole;
  /** A newer profile (the answer of a save). */
  onChange: (station: StationProfile) => void;
  onReload: () => void;
  /** What the hero says above the station's name ("信息员工作台", "站点管理"). */
  eyebrow: string;
}

/** A station as its officers and admins see it: the form, the poster and who changed what. */
export function StationManager({ station, role, onChange, onReload, eyebrow }: StationManagerProps) {
  const history = useStationHistory(station.id);
  const { retry: reloadHistory } = history;
  const saved = useCallback(
    (updated: StationProfile) => {
      onChange(updated);
      reloadHistory();
    },
    [onChange, reloadHistory],
  );
  return (
    <View id="station-manager">
      <PageHero
        eyebrow={{ text: eyebrow }}
        title={{ id: 'manage-station-name', text: t('station.name', { village: station.villageName }) }}
        lines={[
          { id: 'manage-station-place', text: regionChainText(station.regionChain) },
          { id: 'manage-station-code', text: t('station.code', { code: station.code }) },
        ]}
      />
      <StationEditor station={station} role={role} onSaved={saved} onReload={onReload} />
      <PosterPanel station={station} />
      <StationHistory state={history.state} onMore={() => void history.loadMore()} onRetry={history.retry} />
    </View>
  );
}
