import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { Notice } from '../../../components/notice';
import { Panel } from '../../../components/panel';
import { TextField } from '../../../components/text-field';
import { useResource } from '../../../hooks/use-resource';
import { errorText, t } from '../../../i18n/me';
import { getMySellers, linkSeller } from '../../../services/api-seller';
import { toApiErrorLike } from '../../../services/errors';
import { formatFen } from '../../../services/money';
import { openPage } from '../../../services/routes';

/**
 * 我卖的农产品 on 我的: when the account is a seller's (its household sells, or it is a cooperative's
 * contact), each seller's earnings and the way to its listings and sales; and the field where a
 * cooperative's contact enters the 8-digit code the officer issued for it.
 */
export function SellerPanel({ userId }: { userId: string }) {
  const { state, refresh } = useResource(userId, () => getMySellers());
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const sellers = state.status === 'ready' ? state.value.items : [];

  const link = async () => {
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{8}$/.test(typed)) {
      setError(t('me.sellerCodeInvalid'));
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const { seller } = await linkSeller(typed);
      setCode('');
      setResult({ kind: 'success', text: t('me.sellerLinked', { name: seller.displayName }) });
      refresh();
      openPage('sellerAccount');
    } catch (failure) {
      const apiError = toApiErrorLike(failure);
      setResult({
        kind: 'error',
        text: apiError.code === 'NOT_FOUND' ? t('me.sellerCodeUnknown') : t('me.sellerLinkFailed', { reason: errorText(apiError.code) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel id="me-seller" title={t('me.sellerTitle')}>
      {sellers.length > 0 ? (
        <View id="me-seller-accounts">
          {sellers.map((account) => (
            <Text key={account.seller.id} id={`me-seller-${account.seller.id}`} className="me__note">
              {t('me.sellerSummary', { name: account.seller.displayName, amount: formatFen(account.earningsFen) })}
            </Text>
          ))}
          <ActionButton id="me-seller-open" onClick={() => openPage('sellerAccount')}>
            {t('me.sellerOpen')}
          </ActionButton>
        </View>
      ) : null}
      <Text className="me__hint">{t('me.sellerCodeIntro')}</Text>
      <TextField
        id="me-seller-code"
        kind="digits"
        label={t('me.sellerCodeLabel')}
        value={code}
        placeholder={t('me.sellerCodePlaceholder')}
        error={error}
        maxLength={8}
        onChange={(value) => {
          setCode(value);
          setError(undefined);
        }}
        onConfirm={() => void link()}
      />
      <ActionButton id="me-seller-link" kind="secondary" loading={busy} disabled={busy} onClick={() => void link()}>
        {t('me.sellerLink')}
      </ActionButton>
      {result ? <Notice id="me-seller-result" kind={result.kind} text={result.text} /> : null}
    </Panel>
  );
}
