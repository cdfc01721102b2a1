import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { useResource } from '../../../../hooks/use-resource';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { formatChinaTime } from '../../../../services/format';
import { t } from '../../../../i18n/training';
import { cancelMySignup, cancelTraining, getTraining, signUp, type Training } from '../../../../services/api-training';
import { openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { currentUser } from '../../../../services/session';
import { parseCheckinQr } from '../../../../services/training-form';
import { confirmed, useTrainingAction } from '../../hooks/use-training-actions';
import { seatsText, timeRange, topicName } from '../../components/training-text';
import { TrainingPending } from '../../components/training-pending';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../training.scss';
import { pageStyle } from '../../../../services/page-style';

/** The villager's part: sign up or withdraw, and (in WeChat) scan the station's QR code to check in. */
function VillagerActions({ training, onChanged }: { training: Training; onChanged: (t: Training) => void }) {
  const { busy, message, run } = useTrainingAction();
  const open = training.status === 'SCHEDULED' && Date.parse(training.endsAt) > Date.now();
  if (!currentUser()) {
    return open ? (
      <ActionButton id="training-sign-in" onClick={() => openSignIn(pageUrl('trainingSession', { id: training.id }))}>
        {t('training.signIn')}
      </ActionButton>
    ) : null;
  }
  const mine = training.mine;
  const scan = async () => {
    const scanned = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null);
    const qr = scanned ? parseCheckinQr(scanned.result) : null;
    if (qr) openPage('trainingCheckin', { id: qr.id, t: qr.token });
  };
  return (
    <View className="training-actions">
      {mine?.checkedInAt ? (
        <Notice id="training-checked-in" kind="success" text={t('training.checkedIn', { time: formatChinaTime(mine.checkedInAt) })} />
      ) : null}
      {mine?.signedUp && !mine.checkedInAt ? <Notice id="training-signed-up" kind="info" text={t('training.signedUp')} /> : null}
      {open && !mine?.signedUp && !mine?.checkedInAt ? (
        training.signedUpCount >= training.capacity ? (
          <Notice id="training-full" kind="info" text={t('training.full')} />
        ) : (
          <ActionButton id="training-sign-up" loading={busy} onClick={() => void run(() => signUp(training.id), onChanged)}>
            {t('training.signUp')}
          </ActionButton>
        )
      ) : null}
      {open && mine?.signedUp && !mine.checkedInAt ? (
        <ActionButton id="training-withdraw" kind="secondary" loading={busy} onClick={() => void run(() => cancelMySignup(training.id), onChanged)}>
          {t('training.withdraw')}
        </ActionButton>
      ) : null}
      {open && process.env.TARO_ENV === 'weapp' && !mine?.checkedInAt ? (
        <ActionButton id="training-scan" kind="secondary" onClick={() => void scan()}>
          {t('training.scan')}
        </ActionButton>
      ) : null}
      {message ? <Text id="training-message">{message}</Text> : null}
    </View>
  );
}

/** The station's officer (or an admin over it): the attendance page, edit, and cancel with a reason and a confirm. */
function ManagerActions({ training, onChanged }: { training: Training; onChanged: (t: Training) => void }) {
  const { busy, message, run } = useTrainingAction();
  const [reason, setReason] = useState('');
  const cancel = async () => {
    if (!reason.trim()) return;
    if (!(await confirmed(t('training.cancelConfirmTitle'), t('training.cancelConfirmText', { count: training.signedUpCount })))) return;
    await run(() => cancelTraining(training.id, reason.trim()), onChanged);
  };
  return (
    <View id="training-manage" className="training-actions">
      <ActionButton id="training-attendance" onClick={() => openPage('trainingAttendance', { id: training.id })}>
        {t('training.manage')}
      </ActionButton>
      {training.status === 'SCHEDULED' ? (
        <>
          <ActionButton id="training-edit" kind="secondary" onClick={() => openPage('trainingEdit', { id: training.id })}>
            {t('training.edit')}
          </ActionButton>
          <TextField id="training-cancel-reason" label={t('training.cancelReason')} value={reason} maxLength={100} onChange={setReason} />
          <ActionButton id="training-cancel" kind="danger" disabled={!reason.trim()} loading={busy} onClick={() => void cancel()}>
            {t('training.cancel')}
          </ActionButton>
        </>
      ) : null}
      {message ? <Text id="training-manage-message">{message}</Text> : null}
    </View>
  );
}

/** A session (`?id=`): what, when, where, seats; signing up; for its station's staff, the way to run it. */
export default function TrainingSessionPage() {
  useNavTitle(t('training.navSession'));
  const { params } = useRouter();
  const id = params.id || undefined;
  const { state, retry, refresh, replace } = useResource(id, getTraining);
  useReloadOnShow(refresh);
  if (state.status !== 'ready') return <TrainingPending state={state} retry={retry} />;
  const training = state.value;
  const user = currentUser();
  const manages = user?.role === 'officer' ? user.stationId === training.stationId : (user?.role ?? '').endsWith('_admin');
  return (
    <View id="training-session-page" style={pageStyle} className="page">
      <Panel id="training-session" title={training.title} intro={topicName(training.topic)}>
        {training.status === 'CANCELLED' ? (
          <Notice id="training-cancelled" kind="error" text={t('training.cancelled', { reason: training.cancelReason ?? '' })} />
        ) : null}
        <InfoList
          items={[
            { id: 'training-time', label: t('training.field.time'), value: timeRange(training) },
            { id: 'training-station', label: t('training.field.station'), value: t('station.name', { village: training.stationName }) },
            ...(training.trainer ? [{ id: 'training-trainer', label: t('training.field.trainer'), value: training.trainer }] : []),
            { id: 'training-seats', label: t('training.field.seats'), value: seatsText(training) },
          ]}
        />
        <VillagerActions training={training} onChanged={replace} />
        {manages ? <ManagerActions training={training} onChanged={replace} /> : null}
      </Panel>
    </View>
  );
}
