import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';
import { TextField } from '../text-field';
import { useAppointOfficer } from '../../hooks/use-appoint-officer';
import { t } from '../../i18n/staff';
import { requestNote } from '../../services/errors';

/**
 * "任命信息员": the person by the account code they show from 我的 (typed, or scanned in WeChat),
 * or their user id. On the admin home the station is typed too; on a station's own page it is that
 * station (`stationCode`).
 */
export function AppointOfficerForm({ stationCode: fixedStation }: { stationCode?: string }) {
  const { stationCode, person, fieldErrors, state, setStationCode, setPerson, scan, submit } = useAppointOfficer(undefined, fixedStation);
  const pending = state.status === 'pending';
  return (
    <Panel id="admin-appoint" title={t('admin.appointTitle')} intro={t('admin.appointIntro')}>
      {fixedStation === undefined ? (
        <TextField
          id="admin-appoint-station-input"
          label={t('admin.stationCodeLabel')}
          value={stationCode}
          placeholder={t('admin.stationCodePlaceholder')}
          error={fieldErrors.stationCode}
          maxLength={32}
          onChange={setStationCode}
        />
      ) : null}
      <TextField
        id="admin-appoint-user-input"
        label={t('admin.personLabel')}
        value={person}
        placeholder={t('admin.personPlaceholder')}
        error={fieldErrors.person}
        maxLength={40}
        onChange={setPerson}
        onConfirm={() => void submit()}
      />
      {/* The WeChat scanner; H5 has none, the code is typed there. */}
      {process.env.TARO_ENV !== 'h5' ? (
        <ActionButton id="admin-appoint-scan-button" kind="secondary" onClick={() => void scan()}>
          {t('admin.scan')}
        </ActionButton>
      ) : null}
      <ActionButton id="admin-appoint-button" loading={pending} onClick={() => void submit()}>
        {pending ? t('admin.appointing') : t('admin.appoint')}
      </ActionButton>
      {state.status === 'done' ? <Notice id="admin-appoint-success" kind="success" text={state.message} /> : null}
      {state.status === 'failed' ? <Notice id="admin-appoint-error" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
    </Panel>
  );
}
