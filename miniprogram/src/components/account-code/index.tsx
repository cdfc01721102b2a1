import { Image, Text, View } from '@tarojs/components';
import { useAccountCode } from '../../hooks/use-account-code';
import { t } from '../../i18n/me';
import { spacedCode } from '../../services/account-code';
import { formatChinaTime } from '../../services/format';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';
import './index.scss';

/**
 * "我的账号码" on "me": a one-time code, as a QR code and 8 digits, that an admin scans or types to
 * appoint this user officer, instead of reading out a 20-character id.
 */
export function AccountCodePanel() {
  const { state, request } = useAccountCode();
  return (
    <Panel id="me-account-code" title={t('me.accountCodeTitle')} intro={t('me.accountCodeIntro')}>
      {state.status === 'ready' ? (
        <View id="me-account-code-box" className="account-code">
          <Image id="me-account-code-qr" className="account-code__qr" src={state.code.qrImage} mode="aspectFit" />
          <Text id="me-account-code-digits" className="account-code__digits" userSelect selectable>
            {spacedCode(state.code.code)}
          </Text>
          <Text className="account-code__note">{t('me.accountCodeHint', { time: formatChinaTime(state.code.expiresAt).slice(11) })}</Text>
        </View>
      ) : null}
      {state.status === 'failed' ? <Notice id="me-account-code-error" kind="error" text={state.message} /> : null}
      <ActionButton
        id="me-account-code-button"
        kind={state.status === 'ready' ? 'secondary' : 'primary'}
        loading={state.status === 'loading'}
        onClick={() => void request()}
      >
        {state.status === 'loading' ? t('me.accountCodeLoading') : state.status === 'ready' ? t('me.accountCodeAgain') : t('me.accountCodeShow')}
      </ActionButton>
    </Panel>
  );
}
