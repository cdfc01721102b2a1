import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { AppointOfficerForm } from '../../../../components/appoint-officer';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { StateView } from '../../../../components/state-view';
import { StationManager } from '../../../../components/station-manager';
import { TextField } from '../../../../components/text-field';
import { useCodeEntry } from '../../../../hooks/use-code-entry';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getStationByCode } from '../../../../services/api';
import { officerAdminErrorText } from '../../../../services/officer-admin';
import { isStationCode } from '../../../../services/station-code';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

function StationPicker({ initial, onOpen }: { initial: string; onOpen: (code: string) => void }) {
  const entry = useCodeEntry(initial);
  const open = () => {
    const code = entry.submit();
    if (code) onOpen(code);
  };
  return (
    <Panel id="admin-station-find" title={t('admin.stationFindTitle')} intro={t('admin.stationFindIntro')}>
      <TextField
        id="admin-station-code-input"
        label={t('admin.stationCodeLabel')}
        value={entry.value}
        placeholder={t('admin.stationCodePlaceholder')}
        error={entry.error}
        maxLength={32}
        onChange={entry.setValue}
        onConfirm={open}
      />
      <ActionButton id="admin-station-load-button" onClick={open}>
        {t('admin.stationLoad')}
      </ActionButton>
    </Panel>
  );
}

function AdminStation({ me }: { me: MeResponse }) {
  const { params } = useRouter();
  const initial = params.code && isStationCode(params.code) ? params.code : undefined;
  const [code, setCode] = useState<string | undefined>(initial);
  const { state, retry, replace } = useResource(code, getStationByCode);
  // The same code again (after a failure) loads again.
  const open = (next: string) => (next === code ? retry() : setCode(next));
  // The profile is public: whether it is the admin's to edit is known from its village code (the
  // server checks again on every call).
  const regionCode = me.user.regionCode ?? me.region?.code;
  const inRegion = state.status === 'ready' && regionCode !== undefined && state.value.villageCode.startsWith(regionCode);

  if (state.status === 'ready' && inRegion) {
    return (
      <>
        <StationManager station={state.value} role="admin" onChange={replace} onReload={retry} eyebrow={t('admin.stationNavTitle')} />
        <View className="admin-station__other">
          <AppointOfficerForm key={state.value.code} stationCode={state.value.code} />
        </View>
        <View className="admin-station__other">
          <ActionButton id="admin-station-other-button" kind="secondary" onClick={() => setCode(undefined)}>
            {t('admin.stationOther')}
          </ActionButton>
        </View>
      </>
    );
  }
  return (
    <>
      <StationPicker initial={code ?? ''} onOpen={open} />
      {state.status === 'loading' ? <StateView id="admin-station-loading" kind="loading" title={t('admin.stationLoading')} /> : null}
      {state.status === 'error' || state.status === 'ready' ? (
        <View className="admin-station__other">
          <Notice
            id="admin-station-error"
            kind="error"
            text={state.status === 'error' ? officerAdminErrorText('station', state.error) : t('edit.error.notInRegion')}
          />
        </View>
      ) : null}
    </>
  );
}

/** An admin edits a station of their region (by its code): everything, its poster, its history. */
export default function AdminStationPage() {
  useNavTitle(t('admin.stationNavTitle'));
  return (
    <View id="admin-station-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <AdminStation me={me} />}
      </RoleGate>
    </View>
  );
}
