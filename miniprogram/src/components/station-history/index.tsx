import { Text, View } from '@tarojs/components';
import { errorText, t } from '../../i18n/staff';
import type { StationChange } from '../../services/api';
import { formatChinaTime } from '../../services/format';
import { personText } from '../../services/person-label';
import { fieldLabel } from '../../services/station-edit';
import type { PagedState } from '../../hooks/use-paged-list';
import { ActionButton } from '../action-button';
import { LoadMore } from '../load-more';
import { Panel } from '../panel';
import { StateView } from '../state-view';
import './index.scss';

export interface StationHistoryProps {
  state: PagedState<StationChange>;
  onMore: () => void;
  onRetry: () => void;
}

function ChangeRow({ change, index }: { change: StationChange; index: number }) {
  return (
    <View id={`history-item-${index}`} className="station-history__item">
      <View className="station-history__head">
        <Text className="station-history__when">{formatChinaTime(change.at)}</Text>
        <Text className="station-history__who">{personText(change.by, true)}</Text>
      </View>
      <Text className="station-history__fields">{t('history.fields', { fields: change.fields.map(fieldLabel).join(t('list.comma')) })}</Text>
    </View>
  );
}

/** Who changed what on the station, and when (China time), newest first. */
export function StationHistory({ state, onMore, onRetry }: StationHistoryProps) {
  return (
    <Panel id="station-history" title={t('history.title')}>
      {state.status === 'ready' ? (
        state.items.length === 0 ? (
          <Text id="history-empty" className="station-history__empty">
            {t('history.empty')}
          </Text>
        ) : (
          <View className="station-history__list">
            {state.items.map((change, index) => (
              <ChangeRow key={`${change.at}-${index}`} change={change} index={index} />
            ))}
            <LoadMore id="history-more-button" hasMore={state.nextCursor !== null} more={state.more} onMore={onMore} />
          </View>
        )
      ) : state.status === 'error' ? (
        <View className="station-history__list">
          <Text id="history-error" className="station-history__empty">
            {t('history.error', { reason: errorText(state.error.code) })}
          </Text>
          <ActionButton id="history-retry-button" kind="secondary" onClick={onRetry}>
            {t('state.retry')}
          </ActionButton>
        </View>
      ) : (
        <StateView id="history-loading" kind="loading" title={t('history.loading')} />
      )}
    </Panel>
  );
}
