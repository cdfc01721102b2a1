import { Text, View } from '@tarojs/components';
import type { Household } from '@shared/schemas/households';
import { ActionButton } from '../../../../components/action-button';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { getStationHouseholds } from '../../../../services/api';
import { openPage } from '../../../../services/routes';

/** The station's registered households, a page at a time; one tap picks the payer. */
export function HouseholdPicker({ stationId, onPick }: { stationId: string; onPick: (household: Household) => void }) {
  const { state, loadMore, retry } = usePagedList(stationId, (id, cursor) => getStationHouseholds(id, { cursor }));
  // Back from registering a household: the new one is in the list.
  useReloadOnShow(retry);
  if (state.status === 'idle' || state.status === 'loading')
    return <StateView id="pay-households-loading" kind="loading" title={t('households.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="pay-households-error"
        title={t('households.errorTitle')}
        error={state.error}
        actions={[{ id: 'pay-households-retry', label: t('state.retry'), kind: 'secondary', onClick: retry }]}
      />
    );
  }
  if (state.items.length === 0) {
    return (
      <View id="pay-households-empty">
        <Text className="pay-note">{t('pay.householdsEmpty')}</Text>
        <View className="pay-actions">
          <ActionButton id="pay-households-register" kind="secondary" onClick={() => openPage('households')}>
            {t('pay.householdsRegister')}
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View id="pay-households" className="pay-households">
      <ListCard>
        {state.items.map((household) => (
          <ListRow
            key={household.id}
            id={`pay-household-${household.id}`}
            title={household.headName}
            subtitle={t('households.rowSubtitle', { phone: household.phoneMasked ?? t('households.noPhone'), n: household.billBook.length })}
            onClick={() => onPick(household)}
          />
        ))}
      </ListCard>
      {state.nextCursor !== null ? <LoadMore id="pay-households-more" hasMore more={state.more} onMore={loadMore} /> : null}
    </View>
  );
}
