import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/paylink';
import { confirmPayLinkStub, openPayLink, payPayLink, type PayLinkView } from '../../../../services/api-paylink';
import { toApiErrorLike } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { billTypeName } from '../../../../services/payment-status';
import { openSignIn, pageUrl } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../paylink.scss';
import { pageStyle } from '../../../../services/page-style';

/**
 * 微信支付 of an open link. Only WeChat Pay's signed notification pays the bill: after requestPayment the
 * page asks the server again rather than trusting the sheet's "success". On H5 there is no WeChat sheet:
 * the stub's own sheet stands in, local stages only.
 */
function PayActions({
  token,
  link,
  onChanged,
  onRecheck,
}: {
  token: string;
  link: PayLinkView;
  onChanged: (v: PayLinkView) => void;
  onRecheck: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [stubSheet, setStubSheet] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const amount = formatFen(link.amountFen);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage(t('paylink.failed', { reason: errorText(toApiErrorLike(failure).code) }));
    } finally {
      setBusy(false);
    }
  };

  const pay = () =>
    run(async () => {
      const params = await payPayLink(token);
      if (process.env.TARO_ENV === 'weapp') {
        const { timeStamp, nonceStr, signType, paySign } = params;
        await Taro.requestPayment({ timeStamp, nonceStr, package: params.package, signType, paySign });
        setMessage(t('paylink.waiting'));
        onRecheck();
      } else if (params.provider === 'stub') setStubSheet(true);
    });

  if (stubSheet) {
    return (
      <View id="paylink-stub-sheet" className="paylink-actions">
        <Text className="paylink-strong">{t('paylink.stubTitle')}</Text>
        <Text className="paylink-muted">{t('paylink.stubHint')}</Text>
        <ActionButton id="paylink-stub-confirm" loading={busy} onClick={() => void run(async () => onChanged(await confirmPayLinkStub(token)))}>
          {t('paylink.stubConfirm', { amount })}
        </ActionButton>
        {message ? <Text id="paylink-message">{message}</Text> : null}
      </View>
    );
  }
  return (
    <View className="paylink-actions">
      <ActionButton id="paylink-pay" loading={busy} onClick={() => void pay()}>
        {t('paylink.pay', { amount })}
      </ActionButton>
      {message ? <Text id="paylink-message">{message}</Text> : null}
    </View>
  );
}

/** A remote pay link (`?t=<token>`): what is paid for, masked, and 微信支付 while it is open. */
export default function PayLinkPage() {
  useNavTitle(t('paylink.navTitle'));
  const { params } = useRouter();
  const token = params.t || undefined;
  const { state, retry, refresh, replace } = useResource(token, openPayLink);
  if (!token) return <StateView id="paylink-error" kind="error" title={t('paylink.errorTitle')} description={t('paylink.noToken')} />;
  if (state.status === 'idle' || state.status === 'loading') return <StateView id="paylink-loading" kind="loading" title={t('paylink.loading')} />;
  if (state.status === 'error') {
    if (state.error.code === 'UNAUTHENTICATED') {
      return (
        <StateView
          id="paylink-sign-in"
          kind="empty"
          title={t('paylink.signInTitle')}
          description={t('paylink.signInText')}
          actions={[{ id: 'paylink-sign-in-button', label: t('paylink.signIn'), onClick: () => openSignIn(pageUrl('payLink', { t: token })) }]}
        />
      );
    }
    return (
      <ErrorStateView
        id="paylink-error"
        title={t('paylink.errorTitle')}
        error={state.error}
        actions={[{ id: 'paylink-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  const link = state.value;
  return (
    <View id="paylink-page" style={pageStyle} className="page">
      <Panel id="paylink" title={t('paylink.title')} intro={t('paylink.intro', { village: link.station.villageName })}>
        {link.sandbox ? <Notice id="paylink-sandbox" kind="info" text={t('paylink.sandbox')} /> : null}
        <InfoList
          items={[
            { id: 'paylink-bill', label: t('paylink.bill'), value: billTypeName(link.billType) },
            { id: 'paylink-account', label: t('paylink.account'), value: link.accountNoMasked },
            ...(link.holderNameMasked ? [{ id: 'paylink-holder', label: t('paylink.holder'), value: link.holderNameMasked }] : []),
            { id: 'paylink-amount', label: t('paylink.amount'), value: formatFen(link.amountFen) },
            { id: 'paylink-station', label: t('paylink.station'), value: t('station.name', { village: link.station.villageName }) },
            { id: 'paylink-until', label: t('paylink.until'), value: formatChinaTime(link.expiresAt) },
          ]}
        />
        <Notice
          id="paylink-status"
          kind={link.status === 'PAID' ? 'success' : link.status === 'OPEN' || link.status === 'FUNDED' ? 'info' : 'error'}
          text={t(`paylink.status.${link.status}`)}
        />
        {link.status === 'OPEN' ? <PayActions token={token} link={link} onChanged={replace} onRecheck={refresh} /> : null}
      </Panel>
    </View>
  );
}
