import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/training';
import { formatChinaTime } from '../../../../services/format';
import { openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { useCheckin } from '../../hooks/use-checkin';
import { timeRange } from '../../components/training-text';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../training.scss';
import { pageStyle } from '../../../../services/page-style';

/** What the session's QR code opens (`?id=&t=`): checks the signed-in person in, once, and says so. */
export default function TrainingCheckinPage() {
  useNavTitle(t('training.navCheckin'));
  const { params } = useRouter();
  const id = params.id || undefined;
  const token = params.t || undefined;
  const { state, retry } = useCheckin(id, token);
  // Back from signing in: try again.
  useReloadOnShow(retry);
  if (state.status === 'bad_link')
    return <StateView id="checkin-error" kind="error" title={t('training.errorTitle')} description={t('training.checkinBad')} />;
  if (state.status === 'working') return <StateView id="checkin-working" kind="loading" title={t('training.checkinWorking')} />;
  if (state.status === 'error') {
    if (state.error.code === 'UNAUTHENTICATED') {
      return (
        <StateView
          id="checkin-sign-in"
          kind="empty"
          title={t('training.navCheckin')}
          description={t('training.checkinSignIn')}
          actions={[
            { id: 'checkin-sign-in-button', label: t('training.signIn'), onClick: () => openSignIn(pageUrl('trainingCheckin', { id, t: token })) },
          ]}
        />
      );
    }
    return (
      <ErrorStateView
        id="checkin-error"
        title={t('training.navCheckin')}
        error={state.error}
        actions={[{ id: 'checkin-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  const { answer } = state;
  return (
    <View id="checkin-page" style={pageStyle} className="page">
      <Panel id="checkin" title={answer.training.title}>
        <Notice
          id="checkin-result"
          kind="success"
          text={answer.already ? t('training.checkinAlready', { time: formatChinaTime(answer.checkedInAt) }) : t('training.checkinDone')}
        />
        <InfoList
          items={[
            { id: 'checkin-time', label: t('training.field.time'), value: timeRange(answer.training) },
            { id: 'checkin-station', label: t('training.field.station'), value: t('station.name', { village: answer.training.stationName }) },
          ]}
        />
        <View className="training-actions">
          <ActionButton id="checkin-open-session" kind="secondary" onClick={() => openPage('trainingSession', { id: answer.training.id })}>
            {t('training.navSession')}
          </ActionButton>
        </View>
      </Panel>
    </View>
  );
}
