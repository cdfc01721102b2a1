import { Text } from '@tarojs/components';
import type { BillLookupResponse } from '@shared/schemas/payments';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import type { useNewPayment } from '../../../../hooks/use-new-payment';
import { t } from '../../../../i18n/staff';
import type { BillTypeInfo } from '../../../../services/api';
import { formatFen, parseYuanToFen } from '../../../../services/money';
import { amountRange, cashOf } from '../../../../services/payment-form';

/** Step 4, how much: the bill's amount (postpaid) or a typed top-up within the type's range. */
export function AmountPanel({
  form,
  info,
  lookupResult,
  perPaymentMaxFen,
}: {
  form: ReturnType<typeof useNewPayment>;
  info: BillTypeInfo;
  lookupResult: BillLookupResponse;
  perPaymentMaxFen: number;
}) {
  const { draft, errors } = form;
  const range = amountRange(info, perPaymentMaxFen);
  return (
    <Panel id="pay-amount" title={t('pay.amountTitle')}>
      {info.kind === 'postpaid' ? (
        lookupResult.amountDueFen ? (
          <Text id="pay-amount-fixed" className="pay-figure">
            {t('pay.amountFixed', { amount: formatFen(lookupResult.amountDueFen) })}
          </Text>
        ) : (
          <Notice id="pay-nothing-due" kind="info" text={t('pay.nothingDue')} />
        )
      ) : (
        <TextField
          id="pay-amount-input"
          label={t('pay.amountLabel')}
          value={draft.amountText}
          placeholder={t('pay.amountPlaceholder')}
          kind="decimal"
          maxLength={12}
          hint={t('pay.amountRange', { min: formatFen(range.min), max: formatFen(range.max) })}
          error={errors.amount}
          onChange={form.setAmountText}
        />
      )}
      {info.kind === 'postpaid' && errors.amount && lookupResult.amountDueFen ? <Notice kind="error" text={errors.amount} /> : null}
    </Panel>
  );
}

/** Step 5, the cash the villager hands over and the change to give back, live. */
export function CashPanel({ form }: { form: ReturnType<typeof useNewPayment> }) {
  const { draft, info, lookupResult, errors } = form;
  const parsedAmount = parseYuanToFen(draft.amountText);
  const amountFen = info?.kind === 'postpaid' ? (lookupResult?.amountDueFen ?? undefined) : parsedAmount.ok ? parsedAmount.fen : undefined;
  const cash = cashOf(draft, amountFen);
  return (
    <Panel id="pay-cash" title={t('pay.cashTitle')}>
      <TextField
        id="pay-cash-input"
        label={t('pay.cashLabel')}
        value={draft.cashText}
        placeholder={t('pay.cashPlaceholder')}
        kind="decimal"
        maxLength={12}
        error={errors.cash ?? (draft.cashText.trim() ? cash.error : undefined)}
        onChange={form.setCashText}
      />
      {cash.changeFen !== undefined && !cash.error ? (
        <Text id="pay-change" className="pay-figure pay-figure--brand">
          {cash.changeFen > 0 ? t('pay.change', { change: formatFen(cash.changeFen) }) : t('pay.noChange')}
        </Text>
      ) : null}
    </Panel>
  );
}
