import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { OfficerQueuePanel } from '../../../../components/officer-queue-panel';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/training';
import { checkinAddress } from '../../../../services/api-training';
import { formatChinaTime } from '../../../../services/format';
import { useAttendance } from '../../hooks/use-attendance';
import { seatsText, timeRange } from '../../components/training-text';
import { TrainingPending } from '../../components/training-pending';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../training.scss';
import { pageStyle } from '../../../../services/page-style';

/**
 * 签到与名单 (`?id=`): the QR code to show at the station, the list, sign-ups and check-ins for people without a
 * phone (queued on the phone when there is no signal), the history.
 */
export default function TrainingAttendancePage() {
  useNavTitle(t('training.navAttendance'));
  const { params } = useRouter();
  const page = useAttendance(params.id || undefined);
  const { state, retry, refresh } = page.attendance;
  useReloadOnShow(refresh);
  if (state.status !== 'ready') return <TrainingPending state={state} retry={retry} />;
  const { training, qr, people, history } = state.value;
  const households = page.households.state.status === 'ready' ? page.households.state.value.items : [];
  return (
    <View id="training-attendance-page" style={pageStyle} className="page">
      {/* What was done here without signal, waiting on the phone (the same queue as the officer's pages). */}
      <OfficerQueuePanel />
      <Panel id="training-qr" title={t('training.qrTitle')} intro={`${training.title} · ${timeRange(training)} · ${seatsText(training)}`}>
        <Image id="training-qr-image" className="training-qr" src={qr.image} />
        <Text className="training-muted">{t('training.qrHint', { from: formatChinaTime(qr.validFrom), until: formatChinaTime(qr.validUntil) })}</Text>
        {/* On H5 the link is what a phone's camera opens; in WeChat the mini-program scans the code itself. */}
        <Text id="training-qr-link" className="training-muted training-link" userSelect>
          {t('training.qrLink')}
          {checkinAddress(qr.link)}
        </Text>
      </Panel>
      <Panel id="training-people" title={t('training.peopleTitle', { count: people.length })}>
        {people.length === 0 ? <Text id="training-people-empty">{t('training.peopleEmpty')}</Text> : null}
        {people.map((person, index) => (
          <View key={person.signupId ?? `walk-in-${index}`} id={`training-person-${index}`} className="training-person">
            <View>
              <Text id={`training-person-${index}-name`}>{person.name}</Text>
              {person.phoneMasked ? <Text className="training-muted"> {person.phoneMasked}</Text> : null}
            </View>
            {person.checkedInAt ? (
              <Text id={`training-person-${index}-state`} className="training-muted">
                {t('training.person.checkedIn', { time: formatChinaTime(person.checkedInAt).slice(11) })}
                {person.checkedInBy === 'officer' ? t('training.person.byOfficer') : ''}
                {person.signedUpBy ? '' : ` · ${t('training.person.walkIn')}`}
              </Text>
            ) : person.signupId && training.status === 'SCHEDULED' ? (
              <ActionButton
                id={`training-person-${index}-checkin`}
                size="small"
                kind="secondary"
                loading={page.busy}
                onClick={() => void page.checkInSignup(person.signupId!, person.name)}
              >
                {t('training.checkInPerson')}
              </ActionButton>
            ) : (
              <Text className="training-muted">{t('training.person.signedUp')}</Text>
            )}
          </View>
        ))}
        {page.message ? <Text id="training-attendance-message">{page.message}</Text> : null}
      </Panel>
      {training.status === 'SCHEDULED' ? (
        <Panel id="training-add-person" title={t('training.addPerson')}>
          <ChipGroup id="training-households" label={t('training.householdPick')}>
            {households.map((household) => (
              <Chip
                key={household.id}
                id={`training-household-${household.id}`}
                label={`${household.headName}${t('training.household')}`}
                compact
                selected={page.householdId === household.id}
                onClick={() => page.setHouseholdId(household.id)}
              />
            ))}
          </ChipGroup>
          <TextField id="training-person-name" label={t('training.personName')} value={page.name} maxLength={30} onChange={page.setName} />
          <TextField
            id="training-person-phone"
            label={t('training.personPhone')}
            kind="phone"
            value={page.phone}
            maxLength={11}
            onChange={page.setPhone}
          />
          <View className="training-actions">
            <ActionButton
              id="training-person-sign-up"
              kind="secondary"
              disabled={!page.householdId || !page.name.trim()}
              loading={page.busy}
              onClick={() => void page.forPerson('signUp')}
            >
              {t('training.signUpPerson')}
            </ActionButton>
            <ActionButton
              id="training-person-check-in"
              disabled={!page.householdId || !page.name.trim()}
              loading={page.busy}
              onClick={() => void page.forPerson('checkIn')}
            >
              {t('training.checkInByName')}
            </ActionButton>
          </View>
        </Panel>
      ) : null}
      <Panel id="training-history" title={t('training.historyTitle')}>
        {history.map((change, index) => (
          <Text key={index} id={`training-history-${index}`} className="training-history">
            {t('training.history', {
              time: formatChinaTime(change.at),
              by: change.by,
              action: t(`training.action.${change.action}` as 'training.action.updated', {
                fields: change.fields.map((f) => t(`training.field.${f}` as 'training.field.title')).join('、'),
              }),
            })}
          </Text>
        ))}
      </Panel>
    </View>
  );
}
