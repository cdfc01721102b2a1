import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/text-field';
import { useCodeEntry } from '../../hooks/use-code-entry';
import { t } from '../../i18n';
import { scanStationCode } from '../../services/scan';
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
      <View className='home__staff'>
        <Text className='home__staff-title'>{t('home.staffTitle')}</Text>
        <View className='home__staff-links'>
          <Text
            id='home-officer-link'
            className='home__staff-link'
            onClick={() => void Taro.navigateTo({ url: '/packages/officer/pages/index/index' })}
          >
            {t('home.officerEntry')}
          </Text>
          <Text
            id='home-admin-link'
            className='home__staff-link'
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/index/index' })}
          >
            {t('home.adminEntry')}
          </Text>
        </View>
      </View>
    </View>
  );
}
