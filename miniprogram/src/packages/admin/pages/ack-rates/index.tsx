import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getAckRates, getFeedItem, type StationAckRate } from '../../../../services/api-feeds';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** Acknowledged households of the station's registered ones, in whole percent; null without households. */
export function ackRatePercent(row: Pick<StationAckRate, 'households' | 'acked'>): number | null {
  return row.households === 0 ? null : Math.round((row.acked / row.households) * 100);
}

function Rates({ region, feedId }: { region: string; feedId: string }) {
  const { state: item } = useResource(feedId, getFeedItem);
  const { state, loadMore, retry } = usePagedList(`${region}|${feedId}`, (_key, cursor) => getAckRates(region, feedId, cursor));
  return (
    <View id="ack-rates">
      <PageHero
        eyebrow={{ text: t('ackRates.navTitle') }}
        title={{ id: 'ack-rates-title', text: item.status === 'ready' ? item.value.title : '…' }}
        lines={[{ text: t('ackRates.intro') }]}
      />
      <Section title={t('admin.stationsTitle')}>
        {state.status === 'idle' || state.status === 'loading' ? (
          <StateView id="ack-rates-loading" kind="loading" title={t('ackRates.loading')} />
        ) : null}
        {state.status === 'error' ? (
          <ErrorStateView
            id="ack-rates-error"
            title={t('ackRates.errorTitle')}
            error={state.error}
            actions={[{ id: 'ack-rates-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : null}
        {state.status === 'ready' && state.items.length === 0 ? <StateView id="ack-rates-empty" kind="empty" title={t('ackRates.empty')} /> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <View id="ack-rates-list">
            <ListCard>
              {state.items.map((row) => {
                const rate = ackRatePercent(row);
                return (
                  <ListRow
                    key={row.stationId}
                    id={`ack-rate-${row.villageCode}`}
                    title={row.villageName}
                    subtitle={t('ackRates.rowSubtitle', { households: row.households, acked: row.acked, informed: row.informed })}
                    aside={
                      <Pill id={`ack-rate-${row.villageCode}-rate`} tone={rate === null ? 'muted' : rate >= 80 ? 'brand' : 'accent'}>
                        {rate === null ? t('ackRates.noHouseholds') : t('ackRates.rate', { rate })}
                      </Pill>
                    }
                  />
                );
              })}
            </ListCard>
            {state.nextCursor !== null ? <LoadMore id="ack-rates-more" hasMore more={state.more} onMore={loadMore} /> : null}
          </View>
        ) : null}
      </Section>
    </View>
  );
}

/** An alert's acknowledgement per station of the admin's region it reaches (`?id=&region=`), paged. */
export default function AckRatesPage() {
  useNavTitle(t('ackRates.navTitle'));
  const { params } = useRouter();
  return (
    <View id="ack-rates-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) =>
          params.id ? (
            <Rates region={params.region || me.region?.code || me.user.regionCode || ''} feedId={params.id} />
          ) : (
            <StateView id="ack-rates-no-item" kind="empty" title={t('alerts.empty')} />
          )
        }
      </RoleGate>
    </View>
  );
}
