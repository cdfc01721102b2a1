import { Text, View } from '@tarojs/components';
import { Chip, ChipGroup } from '../../../../components/chip';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/publish';
import { getRegionChildren } from '../../../../services/api';

/**
 * Where the item goes: the author's own region or any region below it, one level at a time (the
 * same children the browse pages show). Never above the author's region: the server would refuse it.
 */
export function RegionTarget({ code, authorRegion, onChange }: { code: string; authorRegion: string; onChange: (code: string) => void }) {
  const region = useResource(code, getRegionChildren);
  const value = region.state.status === 'ready' ? region.state.value : null;
  const parent = value?.region.chain[value.region.chain.length - 1];
  return (
    <View id="compose-region" className="compose__region">
      <Text className="compose__label">{t('compose.region')}</Text>
      <View className="compose__region-current">
        <Text id="compose-region-name" className="compose__region-name">
          {value ? [...value.region.chain.map((r) => r.name), value.region.name].join(' › ') : code}
        </Text>
        {code !== authorRegion && parent ? (
          <Text id="compose-region-up" className="compose__link" onClick={() => onChange(parent.code)}>
            {t('compose.regionUp')}
          </Text>
        ) : null}
      </View>
      <Text className="compose__hint">{t('compose.regionHint')}</Text>
      {region.state.status === 'loading' ? <Text className="compose__hint">{t('compose.regionLoading')}</Text> : null}
      {value && value.items.length > 0 ? (
        <ChipGroup id="compose-region-children" label={t('compose.regionChildren')} compact>
          {value.items.map((child) => (
            <Chip key={child.code} id={`compose-region-${child.code}`} label={child.name} selected={false} onClick={() => onChange(child.code)} />
          ))}
        </ChipGroup>
      ) : null}
    </View>
  );
}
