import { useState } from 'react';
import { Canvas, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { BILL_TYPES } from '@shared/bill-types';
import type { Payment } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { InfoList, type InfoItem } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { ProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/receipt';
import { getPayment } from '../../../../services/api';
import { isCancelled, toApiErrorLike } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { billTypeName, isAwaitingProvider, paymentExplanation, paymentStatusText, paymentStatusTone } from '../../../../services/payment-status';
import { printReceipt, RECEIPT_CANVAS_ID, shareReceiptImage } from '../../../../services/receipt-image';
import { VoidPanel } from './void-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/** The receipt's rows, in the order printed. */
function receiptItems(payment: Payment): InfoItem[] {
  const none = t('receipt.none');
  const items: InfoItem[] = [
    { id: 'receipt-no', label: t('receipt.no'), value: payment.receiptNo },
    {
      id: 'receipt-station',
      label: t('receipt.station'),
      value: t('receipt.stationValue', { village: payment.station.villageName, code: payment.station.code }),
    },
    { id: 'receipt-officer', label: t('receipt.officer'), value: payment.officer.name ?? payment.officer.id ?? '—' },
    { id: 'receipt-bill-type', label: t('receipt.billType'), value: billTypeName(payment.billType) },
    // A phone top-up's account is the phone number itself (BILL_TYPES accountKind), a bill's its 户号.
    {
      id: 'receipt-account',
      label: BILL_TYPES[payment.billType]?.accountKind === 'phone' ? t('receipt.accountPhone') : t('receipt.account'),
      value: payment.accountNoMasked,
    },
    { id: 'receipt-holder', label: t('receipt.holder'), value: payment.holderNameMasked ?? none },
    { id: 'receipt-amount', label: t('receipt.amount'), value: formatFen(payment.amountFen) },
    { id: 'receipt-cash', label: t('receipt.cash'), value: formatFen(payment.cashReceivedFen) },
    { id: 'receipt-change', label: t('receipt.change'), value: formatFen(payment.changeFen) },
    { id: 'receipt-time', label: t('receipt.time'), value: formatChinaTime(payment.createdAt) },
  ];
  if (payment.settledAt) items.push({ id: 'receipt-settled', label: t('receipt.settledAt'), value: formatChinaTime(payment.settledAt) });
  if (payment.payerPhoneMasked) items.push({ id: 'receipt-phone', label: t('receipt.payerPhone'), value: payment.payerPhoneMasked });
  items.push({ id: 'receipt-status', label: t('receipt.status'), value: paymentStatusText(payment.status) });
  return items;
}

function Receipt({
  payment,
  me,
  refreshError,
  onChange,
  onReload,
}: {
  payment: Payment;
  me: MeResponse;
  refreshError?: string;
  onChange: (payment: Payment) => void;
  onReload: () => void;
}) {
  const [justVoided, setJustVoided] = useState(false);
  const [share, setShare] = useState<{ status: 'idle' | 'sharing' } | { status: 'failed'; message: string }>({ status: 'idle' });
  const items = receiptItems(payment);
  const explanation = paymentExplanation(payment);
  const isWeapp = process.env.TARO_ENV === 'weapp';
  const ownStation = me.user.role === 'officer' && me.station?.id === payment.station.id;

  const shareImage = async () => {
    setShare({ status: 'sharing' });
    try {
      await shareReceiptImage(
        // The shared image carries the mark too: a demo receipt must not pass for a real one.
        payment.sandbox ? `${t('receipt.title')}（${t('provider.sandboxTag')}）` : t('receipt.title'),
        items.map((item) => ({ label: item.label, value: item.value })),
        t('receipt.footer'),
      );
      setShare({ status: 'idle' });
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (isCancelled(error)) {
        setShare({ status: 'idle' });
        return;
      }
      const apiError = toApiErrorLike(error);
      setShare({ status: 'failed', message: t('receipt.shareFailed', { reason: errorText(apiError.code) }) });
    }
  };

  return (
    <View id="receipt-page-content">
      <PageHero
        eyebrow={{ text: t('receipt.station') + ' ' + payment.station.villageName }}
        title={{ id: 'receipt-title', text: t('receipt.title') }}
        lines={[{ id: 'receipt-amount-line', text: `${billTypeName(payment.billType)} ${formatFen(payment.amountFen)}` }]}
        overlap
      />
      <Panel id="receipt" overlap>
        <ProviderBanner id="receipt-sandbox" mode={payment.sandbox ? 'sandbox' : undefined} receipt />
        <View className="receipt__status">
          <Pill id="receipt-status-pill" tone={paymentStatusTone(payment.status)}>
            {paymentStatusText(payment.status)}
          </Pill>
        </View>
        <InfoList items={items} />
        {justVoided && payment.status === 'VOIDED' ? (
          // One notice, not the explanation beside it: just voided, the officer is told what to do now
          // (the amount paid, not the cash handed over: the change was given back at payment time).
          <Notice
            id="receipt-voided"
            kind="success"
            text={t('receipt.voided', { amount: formatFen(payment.amountFen), reason: payment.voided?.reason ?? '' })}
          />
        ) : explanation ? (
          <Notice id="receipt-explain" kind={payment.status === 'FAILED' ? 'error' : 'info'} text={explanation} />
        ) : null}
        <Text className="receipt__note">{t('receipt.footer')}</Text>
      </Panel>
      {refreshError ? (
        <View className="receipt__section no-print">
          <Notice id="receipt-refresh-error" kind="error" text={t('receipt.refreshFailed', { reason: refreshError })} />
        </View>
      ) : null}
      <View className="receipt__section no-print">
        <View className="receipt__actions">
          {isAwaitingProvider(payment.status) ? (
            <ActionButton id="receipt-refresh" onClick={onReload}>
              {t('receipt.refresh')}
            </ActionButton>
          ) : null}
          {isWeapp ? (
            <ActionButton id="receipt-share" kind="secondary" loading={share.status === 'sharing'} onClick={() => void shareImage()}>
              {share.status === 'sharing' ? t('receipt.sharing') : t('receipt.share')}
            </ActionButton>
          ) : (
            <ActionButton id="receipt-print" kind="secondary" onClick={printReceipt}>
              {t('receipt.print')}
            </ActionButton>
          )}
        </View>
        {share.status === 'failed' ? <Notice id="receipt-share-error" kind="error" text={share.message} /> : null}
      </View>
      {ownStation && payment.status === 'SUCCEEDED' ? (
        <VoidPanel
          payment={payment}
          onVoided={(voided) => {
            setJustVoided(true);
            onChange(voided);
          }}
          onReload={onReload}
        />
      ) : null}
      {isWeapp ? <Canvas type="2d" id={RECEIPT_CANVAS_ID} className="receipt__canvas" /> : null}
    </View>
  );
}

function Content({ me, paymentId }: { me: MeResponse; paymentId: string | undefined }) {
  const { state, retry, refresh, replace } = useResource(paymentId, getPayment);
  // Back on the receipt: its status again, keeping the page (and a void reason being typed).
  useReloadOnShow(refresh);
  if (!paymentId) return <StateView id="receipt-missing" kind="empty" title={t('receipt.missing')} />;
  // A malformed id (400) or one that is not there or not the caller's (404): no retry helps.
  if (state.status === 'error' && (state.error.code === 'VALIDATION_FAILED' || state.error.code === 'NOT_FOUND')) {
    return <StateView id="receipt-not-found" kind="empty" title={t('receipt.notFoundTitle')} description={t('receipt.notFoundHint')} />;
  }
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="receipt-error"
        title={t('receipt.errorTitle')}
        error={state.error}
        actions={[{ id: 'receipt-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.status !== 'ready') return <StateView id="receipt-loading" kind="loading" title={t('receipt.loading')} />;
  return (
    <Receipt
      payment={state.value}
      me={me}
      refreshError={state.refreshError ? errorText(state.refreshError.code) : undefined}
      onChange={replace}
      onReload={refresh}
    />
  );
}

/**
 * A payment's receipt: for the officer (print, share, void) and for the villager linked to its
 * household. A subpackage of its own, so a villager opening it from "me" loads this page alone.
 */
export default function ReceiptPage() {
  useNavTitle(t('receipt.navTitle'));
  const router = useRouter();
  return (
    <View id="receipt-page" style={pageStyle} className="page">
      <RoleGate roles={ROLES} title="receipt.navTitle" signInPrompt="receipt.signIn" deniedText="receipt.signIn">
        {(me) => <Content me={me} paymentId={router.params.id} />}
      </RoleGate>
    </View>
  );
}
