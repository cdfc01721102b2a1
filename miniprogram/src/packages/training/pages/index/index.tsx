import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { Panel } from '../../../../components/panel';
import { StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/training';
import { listTrainings } from '../../../../services/api-training';
import { openPage } from '../../../../services/routes';
import { currentUser } from '../../../../services/session';
import { seatsText, timeRange, topicName } from '../../components/training-text';
import { TrainingPending } from '../../components/training-pending';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../training.scss';
import { pageStyle } from '../../../../services/page-style';

/** A station's sessions (`?stationId=&name=`): upcoming soonest first (or ended), 20 a page; its officer schedules one. */
export default function TrainingListPage() {
  useNavTitle(t('training.navList'));
  const { params } = useRouter();
  const stationId = params.stationId || undefined;
  const stationName = params.name ? decodeURIComponent(params.name) : '';
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const { state, loadMore, retry, refresh } = usePagedList(stationId ? `${stationId}|${when}` : undefined, (key, cursor) =>
    listTrainings(key.split('|')[0], key.split('|')[1] as 'upcoming' | 'past', cursor),
  );
  useReloadOnShow(refresh);
  usePullDownRefresh(() => {
    refresh();
    void Taro.stopPullDownRefresh();
  });
  const user = currentUser();
  const schedules = user?.role === 'officer' ? user.stationId === stationId : (user?.role ?? '').endsWith('_admin');
  if (!stationId) return <StateView id="training-error" kind="error" title={t('training.errorTitle')} description={t('training.noStation')} />;
  return (
    <View id="training-list-page" style={pageStyle} className="page">
      <Panel id="training-list" title={t('training.listTitle', { station: stationName || t('training.navList') })} intro={t('training.listIntro')}>
        {schedules ? (
          <ActionButton id="training-schedule" onClick={() => openPage('trainingEdit', { stationId })}>
            {t('training.schedule')}
          </ActionButton>
        ) : null}
        <ChipGroup id="training-when">
          <Chip id="training-when-upcoming" label={t('training.upcoming')} selected={when === 'upcoming'} onClick={() => setWhen('upcoming')} />
          <Chip id="training-when-past" label={t('training.past')} selected={when === 'past'} onClick={() => setWhen('past')} />
        </ChipGroup>
      </Panel>
      {state.status !== 'ready' ? <TrainingPending state={state} retry={retry} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView id="training-empty" kind="empty" title={when === 'upcoming' ? t('training.empty') : t('training.emptyPast')} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <ListCard id="training-rows">
          {state.items.map((training) => (
            <ListRow
              key={training.id}
              id={`training-${training.id}`}
              title={`${topicName(training.topic)} · ${training.title}`}
              subtitle={t('training.rowSubtitle', { time: timeRange(training), count: training.signedUpCount, capacity: training.capacity })}
              aside={training.status === 'CANCELLED' ? t('training.status.CANCELLED') : seatsText(training)}
              onClick={() => openPage('trainingSession', { id: training.id })}
            />
          ))}
        </ListCard>
      ) : null}
      {state.status === 'ready' ? (
        <LoadMore id="training-more" hasMore={state.nextCursor !== null} more={state.more} onMore={() => void loadMore()} />
      ) : null}
    </View>
  );
}
