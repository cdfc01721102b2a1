import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BillLookupResponse, PaymentCreateRequest } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { errorText, t } from '../../../../i18n/staff';
import { toApiErrorLike } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { createOrderAttempts } from '../../../../services/order-attempt';
import { billTypeName } from '../../../../services/payment-text';
import {
  createPayRequest,
  getNonCashLedger,
  getPayRequest,
  payLinkAddress,
  type NonCashLedgerResponse,
  type PayRequest,
} from '../../../../services/api-paylink';
import { setSharedPayLink } from './pay-link-share';

const FINAL = ['PAID', 'BILL_FAILED', 'EXPIRED'];
const POLL_MS = 3_000;

/**
 * 发付款链接: instead of cash, a link someone elsewhere pays with WeChat Pay. Made once per request (one
 * Idempotency-Key, kept for a retry of the same request); then the link to copy or share, and the
 * request followed until the bill is paid, with its line of the station's non-cash ledger.
 */
export function PayLinkPanel({
  stationId,
  body,
  payerText,
  lookup,
  onEdit,
  onMade,
}: {
  stationId: string;
  body: PaymentCreateRequest;
  payerText: string;
  lookup: BillLookupResponse | undefined;
  onEdit: () => void;
  /** The link exists: the bill must not be taken in cash any more. */
  onMade: () => void;
}) {
  const attempts = useMemo(() => createOrderAttempts('link'), []);
  const [request, setRequest] = useState<PayRequest | null>(null);
  const [ledger, setLedger] = useState<NonCashLedgerResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const requestBody = {
    billType: body.billType,
    accountNo: body.accountNo,
    householdId: body.householdId,
    amountFen: body.amountFen,
    payerPhone: body.payerPhone,
  };

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const made = await createPayRequest(stationId, requestBody, attempts.keyFor(JSON.stringify(requestBody)));
      attempts.settle();
      setRequest(made);
      onMade();
      setSharedPayLink({ path: made.link.path, title: t('pay.linkShareTitle', { amount: formatFen(made.amountFen) }) });
    } catch (failure) {
      attempts.settle(failure);
      setMessage(errorText(toApiErrorLike(failure).code));
    } finally {
      setBusy(false);
    }
  };

  // Followed until it is final: paid (then its non-cash ledger line), failed or expired.
  const id = request?.id;
  const status = request?.status;
  useEffect(() => {
    if (!id || !status || FINAL.includes(status)) return undefined;
    const timer = setInterval(() => {
      getPayRequest(id).then(setRequest, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, status]);
  const ledgerDate = request?.ledgerDate;
  useEffect(() => {
    if (status === 'PAID' && ledgerDate) getNonCashLedger(stationId, ledgerDate).then(setLedger, () => undefined);
  }, [status, ledgerDate, stationId]);
  useEffect(() => () => setSharedPayLink(null), []);

  const rows = [
    { id: 'pay-link-payer', label: t('pay.confirmPayer'), value: payerText },
    { id: 'pay-link-bill', label: t('pay.confirmBill'), value: billTypeName(body.billType) },
    ...(lookup
      ? [
          { id: 'pay-link-account', label: t('pay.linkAccount'), value: lookup.accountNoMasked },
          { id: 'pay-link-holder', label: t('pay.holder'), value: lookup.holderNameMasked },
        ]
      : []),
    { id: 'pay-link-amount', label: t('pay.confirmAmount'), value: formatFen(body.amountFen) },
  ];

  if (!request) {
    return (
      <Panel id="pay-link" title={t('pay.linkTitle')} intro={t('pay.linkIntro')}>
        <InfoList items={rows} />
        {message ? <Notice id="pay-link-error" kind="error" text={message} /> : null}
        <View className="pay-actions">
          <ActionButton id="pay-link-create" loading={busy} onClick={() => void create()}>
            {t('pay.linkCreate')}
          </ActionButton>
          <ActionButton id="pay-link-edit" kind="secondary" disabled={busy} onClick={onEdit}>
            {t('pay.edit')}
          </ActionButton>
        </View>
      </Panel>
    );
  }

  const address = payLinkAddress(request.link.path);
  const line = ledger?.items.find((item) => item.refId === request.id);
  return (
    <Panel id="pay-link" title={t('pay.linkMadeTitle')} intro={t('pay.linkMadeIntro', { time: formatChinaTime(request.expiresAt) })}>
      <InfoList items={rows} />
      <Text id="pay-link-url" className="pay-note" userSelect>
        {address}
      </Text>
      <View className="pay-actions">
        <ActionButton
          id="pay-link-copy"
          onClick={() =>
            void Taro.setClipboardData({ data: address }).then(
              () => setMessage(t('pay.linkCopied')),
              () => setMessage(address),
            )
          }
        >
          {t('pay.linkCopy')}
        </ActionButton>
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton id="pay-link-share" kind="secondary" openType="share">
            {t('pay.linkShare')}
          </ActionButton>
        ) : null}
      </View>
      {message ? (
        <Text id="pay-link-message" className="pay-note">
          {message}
        </Text>
      ) : null}
      <Notice
        id="pay-link-status"
        kind={request.status === 'PAID' ? 'success' : request.status === 'OPEN' || request.status === 'FUNDED' ? 'info' : 'error'}
        text={t(`pay.linkStatus.${request.status}`)}
      />
      {line && ledger ? (
        <Text id="pay-link-ledger" className="pay-note">
          {t('pay.linkLedgerLine', { date: ledger.date, amount: formatFen(line.amountFen), total: formatFen(ledger.totalFen) })}
        </Text>
      ) : null}
    </Panel>
  );
}
