import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/text-field';
import { useCodeEntry } from '../../hooks/use-code-entry';
import { useSession } from '../../hooks/use-session';
import { t } from '../../i18n';
import { scanStationCode } from '../../services/scan';
import { hasRole } from '../../services/session';
import { stationPageUrl } from '../../services/station-code';
import './index.scss';

function openStation(code: string) {
  void Taro.navigateTo({ url: stationPageUrl(code) });
}

/** WeChat: scan the station's QR code. */
function ScanEntry() {
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const scan = async () => {
    setNotice(undefined);
    const outcome = await scanStationCode();
    if (outcome.kind === 'code') openStation(outcome.code);
    else if (outcome.kind === 'unrecognised') setNotice(t('home.scanInvalid'));
  };
  return (
    <View className='home__entry'>
      <ActionButton id='home-scan-button' onClick={() => void scan()}>
        {t('home.scan')}
      </ActionButton>
      {notice ? (
        <Text id='home-scan-error' className='home__notice'>
          {notice}
        </Text>
      ) : null}
    </View>
  );
}

/** H5 (no scanner): type the code printed under the QR code. */
function CodeEntry() {
  const { value, error, setValue, submit } = useCodeEntry();
  const open = () => {
    const code = submit();
    if (code) openStation(code);
  };
  return (
    <View className='home__entry'>
      <TextField
        id='home-code-input'
        label={t('home.codeLabel')}
        value={value}
        placeholder={t('home.codePlaceholder')}
        hint={t('home.codeHint')}
        error={error}
        maxLength={32}
        onChange={setValue}
        onConfirm={open}
      />
      <ActionButton id='home-open-button' onClick={open}>
        {t('home.open')}
      </ActionButton>
    </View>
  );
}

const ME_PAGE = '/pages/me/index';

/**
 * The way to "me" (sign-in) and, for staff, straight to their workspace. The role here is the
 * stored hint from the last sign-in or GET /me: the workspace pages ask the server again.
 */
function AccountLinks() {
  const user = useSession()?.user;
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View className='home__staff'>
      <Text className='home__staff-title'>{t('home.accountTitle')}</Text>
      <View className='home__staff-links'>
        <Text id='home-me-link' className='home__staff-link' onClick={open(ME_PAGE)}>
          {user ? t('home.meEntrySignedIn', { role: t(`roleName.${user.role}`) }) : t('home.meEntry')}
        </Text>
        {user?.role === 'officer' ? (
          <Text id='home-officer-link' className='home__staff-link' onClick={open('/packages/officer/pages/index/index')}>
            {t('home.officerEntry')}
          </Text>
        ) : null}
        {hasRole(user, ADMIN_ROLES) ? (
          <Text id='home-admin-link' className='home__staff-link' onClick={open('/packages/admin/pages/index/index')}>
            {t('home.adminEntry')}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

export default function HomePage() {
  return (
    <View id='home-page' className='home'>
      <View className='home__hero'>
        <Text className='home__title'>{t('home.title')}</Text>
        <Text className='home__tagline'>{t('app.tagline')}</Text>
      </View>
      <View className='home__card'>
        <Text className='home__intro'>{t('home.intro')}</Text>
        {process.env.TARO_ENV === 'h5' ? <CodeEntry /> : <ScanEntry />}
      </View>
      <AccountLinks />
    </View>
  );
}
