import { Text, View } from '@tarojs/components';
import type { BillLookupResponse, PaymentCreateRequest } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import type { usePaymentSubmit } from '../../../../hooks/use-payment-submit';
import { t } from '../../../../i18n/staff';
import type { BillTypesAnswer } from '../../../../services/api';
import { requestNote } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { accountTexts, billTypeName } from '../../../../services/payment-text';
import { goBackTo } from '../../../../services/routes';

/** The request read out to the villager before it is sent, and the send's progress and outcome. */
export function ConfirmPanel({
  body,
  payerText,
  lookup,
  billTypes,
  submit,
  onEdit,
  onDiscard,
}: {
  body: PaymentCreateRequest;
  payerText: string;
  /** The lookup the request was built from: the officer reads holder and account to the villager. */
  lookup: BillLookupResponse | undefined;
  billTypes: BillTypesAnswer;
  submit: ReturnType<typeof usePaymentSubmit>;
  onEdit: () => void;
  onDiscard: () => void;
}) {
  const { state } = submit;
  const info = billTypes.items.find((item) => item.billType === body.billType);
  const cash = body.cashReceivedFen ?? body.amountFen;
  const busy = state.status === 'submitting';
  return (
    <Panel id="pay-confirm" overlap title={t('pay.confirmTitle')} intro={t('pay.confirmIntro')}>
      <InfoList
        items={[
          { id: 'pay-confirm-payer', label: t('pay.confirmPayer'), value: payerText },
          { id: 'pay-confirm-bill', label: t('pay.confirmBill'), value: billTypeName(body.billType) },
          ...(lookup
            ? [
                { id: 'pay-confirm-account', label: accountTexts(info?.accountKind).shown, value: lookup.accountNoMasked },
                { id: 'pay-confirm-holder', label: t('pay.holder'), value: lookup.holderNameMasked },
              ]
            : []),
          { id: 'pay-confirm-amount', label: t('pay.confirmAmount'), value: formatFen(body.amountFen) },
          { id: 'pay-confirm-cash', label: t('pay.confirmCash'), value: formatFen(cash) },
          { id: 'pay-confirm-change', label: t('pay.confirmChange'), value: formatFen(cash - body.amountFen) },
          ...(info ? [{ id: 'pay-confirm-commission', label: t('pay.confirmCommission'), value: formatFen(info.commissionFen) }] : []),
        ]}
      />
      {/* The button already says 正在缴费; the notice adds only the longer wait. */}
      {state.status === 'submitting' && state.waiting ? <Notice id="pay-submitting" kind="info" text={t('pay.waiting')} /> : null}
      {state.status === 'uncertain' ? <Notice id="pay-uncertain" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
      {state.status === 'failed' ? <Notice id="pay-failed" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
      {state.status === 'uncertain' ? (
        // No answer: the bill and the cash stay as sent (another body under the same key is refused,
        // and a new key could pay the bill twice) until the officer learns the result or gives it up.
        <>
          <View className="pay-actions">
            <ActionButton id="pay-retry-button" onClick={() => void submit.retry()}>
              {t('pay.retry')}
            </ActionButton>
            <ActionButton id="pay-workbench-button" kind="secondary" onClick={() => goBackTo('workbench')}>
              {t('pay.storedWorkbench')}
            </ActionButton>
          </View>
          <Text id="pay-locked" className="pay-note">
            {t('pay.editUncertain')}
          </Text>
          <View className="pay-actions">
            <ActionButton id="pay-discard-button" kind="danger" size="small" onClick={onDiscard}>
              {t('pay.discard')}
            </ActionButton>
          </View>
        </>
      ) : (
        <View className="pay-actions">
          <ActionButton id="pay-submit-button" loading={busy} disabled={state.status === 'failed'} onClick={() => void submit.submit(body)}>
            {busy ? t('pay.submitting') : t('pay.submit')}
          </ActionButton>
          <ActionButton id="pay-edit-button" kind="secondary" disabled={busy} onClick={onEdit}>
            {t('pay.edit')}
          </ActionButton>
        </View>
      )}
    </Panel>
  );
}
