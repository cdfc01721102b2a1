import { useEffect, useState, type ReactElement } from 'react';
import { View } from '@tarojs/components';
import type { LedgerResponse } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { StateView } from '../../../../components/state-view';
import { useNewPayment } from '../../../../hooks/use-new-payment';
import { usePaymentSubmit } from '../../../../hooks/use-payment-submit';
import { t } from '../../../../i18n/staff';
import { getHousehold, type BillTypesAnswer } from '../../../../services/api';
import { requestNote } from '../../../../services/errors';
import { paymentStatusText } from '../../../../services/payment-text';
import { replacePage } from '../../../../services/routes';
import { AccountPanel } from './account-panel';
import { AmountPanel, CashPanel } from './amount-panel';
import { BillPanel } from './bill-panel';
import { clockOf } from './clock';
import { ConfirmPanel } from './confirm-panel';
import { DayClosedPanel, OutcomePanel } from './outcome-panel';
import { PayerPanel, type PayerMode } from './payer-panel';
import { PayLinkPanel } from './pay-link-panel';
import { Chip, ChipGroup } from '../../../../components/chip';
import { StoredAttemptPanel } from './stored-attempt-panel';

/**
 * The new payment from the first step to its outcome: an earlier attempt without an answer first,
 * then the form (kept on the device while filled), the confirm step and the send, the outcome.
 */
export function PayForm({
  userId,
  stationId,
  billTypes,
  ledger,
  closed,
  preselect,
}: {
  /** The signed-in officer, whose unanswered attempt (and only theirs) is picked up again. */
  userId: string;
  stationId: string;
  billTypes: BillTypesAnswer;
  ledger?: LedgerResponse;
  closed: boolean;
  preselect?: string;
}) {
  const form = useNewPayment(stationId, billTypes);
  const submit = usePaymentSubmit({ userId, limits: billTypes.stationLimits });
  const [mode, setMode] = useState<PayerMode>(() => form.draft.payer?.kind ?? null);
  // 现金 (the officer takes the cash now) or 发付款链接 (someone elsewhere pays with WeChat Pay).
  const [method, setMethod] = useState<'cash' | 'link'>('cash');
  const [linkMade, setLinkMade] = useState(false);
  const { draft, info, errors, confirming, lookupResult, choosePayer, forgetDraft } = form;

  // Opened from a household's page: that household is the payer.
  useEffect(() => {
    if (!preselect) return;
    let current = true;
    getHousehold(preselect).then(
      (household) => {
        if (!current) return;
        setMode('household');
        choosePayer({ kind: 'household', household });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [preselect, choosePayer]);

  // Sent (or an earlier attempt is open): the attempt is what is kept now, not the draft.
  const sent = submit.locked || submit.state.status === 'done';
  useEffect(() => {
    if (sent) forgetDraft();
  }, [sent, forgetDraft]);

  // A succeeded payment: its receipt replaces the form (back leads to the workbench). One confirmed
  // earlier stays here, said as such (no new cash is due for it).
  const done = submit.state.status === 'done' ? submit.state.payment : undefined;
  const earlierAt = submit.state.status === 'done' ? submit.state.earlierAt : undefined;
  const newSuccess = done?.status === 'SUCCEEDED' && !earlierAt;
  useEffect(() => {
    if (done && newSuccess) replacePage('receipt', { id: done.id });
  }, [done, newSuccess]);

  const another = () => {
    submit.reset();
    form.clear();
    setMode(null);
  };

  const storageError = submit.storageError ?? form.draftStorageError;
  const storageNotice = storageError ? <Notice id="pay-storage-error" kind="error" text={storageError} /> : null;
  const withStorageNotice = (content: ReactElement) => (
    <View>
      {storageNotice}
      {content}
    </View>
  );

  if (done && !newSuccess) return withStorageNotice(<OutcomePanel payment={done} earlierAt={earlierAt} onAnother={another} />);
  if (done) return <StateView id="pay-succeeded" kind="loading" title={paymentStatusText('SUCCEEDED')} />;
  if (submit.stored) return withStorageNotice(<StoredAttemptPanel submit={submit} />);
  // Closed meanwhile (seen on coming back to the page): nothing new, unless an attempt is still open.
  if (closed && !submit.locked) return <DayClosedPanel />;

  const payerText =
    draft.payer?.kind === 'household'
      ? draft.payer.household.headName
      : draft.phone.trim()
        ? t('pay.confirmPhoneOnly', { phone: draft.phone.trim() })
        : t('pay.confirmNoPhone');

  const backToForm = () => {
    setMethod('cash');
    form.backToForm();
  };
  // Once a cash attempt is open, or a link was made, the method is settled: the bill is never asked for twice.
  const methodChoice =
    submit.locked || linkMade ? null : (
      <View className="pay-section">
        <ChipGroup id="pay-method" label={t('pay.methodLabel')}>
          <Chip id="pay-method-cash" label={t('pay.methodCash')} selected={method === 'cash'} onClick={() => setMethod('cash')} />
          <Chip id="pay-method-link" label={t('pay.methodLink')} selected={method === 'link'} onClick={() => setMethod('link')} />
        </ChipGroup>
      </View>
    );

  if (confirming && method === 'link') {
    return withStorageNotice(
      <View>
        <PayLinkPanel
          stationId={stationId}
          body={confirming}
          payerText={payerText}
          lookup={lookupResult}
          onEdit={backToForm}
          onMade={() => setLinkMade(true)}
        />
        {methodChoice}
      </View>,
    );
  }

  if (confirming) {
    return withStorageNotice(
      <View>
        <ConfirmPanel
          body={confirming}
          payerText={payerText}
          lookup={lookupResult}
          billTypes={billTypes}
          submit={submit}
          onEdit={() => {
            // Only offered while no attempt is open (the Confirm step hides it otherwise).
            if (submit.locked) return;
            submit.reset();
            form.backToForm();
          }}
          onDiscard={() => {
            submit.discard();
            form.backToForm();
          }}
        />
        {methodChoice}
      </View>,
    );
  }

  const storedFailure = submit.state.status === 'failed' && submit.state.earlierAt ? submit.state : undefined;

  return (
    <View id="pay-form">
      <PayerPanel stationId={stationId} form={form} mode={mode} onMode={setMode}>
        {storageNotice}
        {form.restored ? (
          <View id="pay-draft-restored">
            <Notice kind="info" text={t('pay.draftRestored')} />
            <View className="pay-actions">
              <ActionButton id="pay-draft-clear" kind="secondary" size="small" onClick={another}>
                {t('pay.draftClear')}
              </ActionButton>
            </View>
          </View>
        ) : null}
        {storedFailure?.earlierAt ? (
          <Notice
            id="pay-stored-failed"
            kind="error"
            text={t('pay.storedFailed', { time: clockOf(storedFailure.earlierAt), reason: storedFailure.message })}
            note={requestNote(storedFailure.requestId)}
          />
        ) : null}
      </PayerPanel>
      <BillPanel form={form} billTypes={billTypes} ledger={ledger} />
      {draft.billType ? <AccountPanel form={form} accountKind={info?.accountKind} /> : null}
      {info && lookupResult ? (
        <AmountPanel form={form} info={info} lookupResult={lookupResult} perPaymentMaxFen={billTypes.stationLimits.perPaymentMaxFen} />
      ) : null}
      {info && lookupResult ? <CashPanel form={form} /> : null}
      <View className="pay-section">
        {Object.values(errors).some(Boolean) ? <Notice id="pay-form-error" kind="error" text={t('pay.fixErrors')} /> : null}
        <ActionButton id="pay-review-button" disabled={!lookupResult} onClick={() => form.review()}>
          {t('pay.review')}
        </ActionButton>
      </View>
    </View>
  );
}
