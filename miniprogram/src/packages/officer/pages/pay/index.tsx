import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MeResponse } from '@shared/schemas/accounts';
import type { Household } from '@shared/schemas/households';
import type { BillLookupResponse, LedgerResponse, Payment, PaymentCreateRequest } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { InfoList } from '../../../../components/info-list';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { ProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useNewPayment } from '../../../../hooks/use-new-payment';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { usePaymentSubmit } from '../../../../hooks/use-payment-submit';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { getBillTypes, getHousehold, getStationHouseholds, getStationLedger, type BillTypesAnswer } from '../../../../services/api';
import { chinaDate } from '../../../../services/business-date';
import { requestNote } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen, parseYuanToFen } from '../../../../services/money';
import { amountRange, cashOf } from '../../../../services/payment-form';
import { accountTexts, billTypeName, paymentExplanation, paymentStatusText } from '../../../../services/payment-text';
import { goBackTo, openPage, replacePage } from '../../../../services/routes';
import '../../payments.scss';

type PayerMode = 'household' | 'phone' | null;

function HouseholdPicker({ stationId, onPick }: { stationId: string; onPick: (household: Household) => void }) {
  const { state, loadMore, retry } = usePagedList(stationId, (id, cursor) => getStationHouseholds(id, { cursor }));
  // Back from registering a household: the new one is in the list.
  useReloadOnShow(retry);
  if (state.status === 'idle' || state.status === 'loading') return <StateView id='pay-households-loading' kind='loading' title={t('households.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id='pay-households-error'
        title={t('households.errorTitle')}
        error={state.error}
        actions={[{ id: 'pay-households-retry', label: t('state.retry'), kind: 'secondary', onClick: retry }]}
      />
    );
  }
  if (state.items.length === 0) {
    return (
      <View id='pay-households-empty'>
        <Text className='pay-note'>{t('pay.householdsEmpty')}</Text>
        <View className='pay-actions'>
          <ActionButton id='pay-households-register' kind='secondary' onClick={() => openPage('households')}>
            {t('pay.householdsRegister')}
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View id='pay-households' className='pay-households'>
      <ListCard>
        {state.items.map((household) => (
          <ListRow
            key={household.id}
            id={`pay-household-${household.id}`}
            title={household.headName}
            subtitle={t('households.rowSubtitle', { phone: household.phoneMasked ?? t('households.noPhone'), n: household.billBook.length })}
            onClick={() => onPick(household)}
          />
        ))}
      </ListCard>
      {state.nextCursor !== null ? <LoadMore id='pay-households-more' hasMore more={state.more} onMore={loadMore} /> : null}
    </View>
  );
}

/** "HH:MM" (China time) of an ISO time. */
const clockOf = (iso: string) => formatChinaTime(iso).slice(11);

/**
 * A payment that did not succeed at once (PROCESSING, FAILED), or any answer that is a payment
 * confirmed earlier (`earlierAt`): said as such, so the officer takes no new cash for it.
 */
function Outcome({ payment, earlierAt, onAnother }: { payment: Payment; earlierAt?: string; onAnother: () => void }) {
  const processing = payment.status === 'PROCESSING';
  const succeeded = payment.status === 'SUCCEEDED';
  const id = succeeded ? 'pay-earlier-succeeded' : processing ? 'pay-processing' : 'pay-declined';
  const title = succeeded ? paymentStatusText('SUCCEEDED') : processing ? t('pay.processingTitle') : t('pay.failedTitle');
  return (
    <Panel id={id} overlap title={title}>
      {earlierAt ? <Notice id='pay-earlier' kind='info' text={t('pay.earlier', { time: clockOf(earlierAt) })} /> : null}
      {succeeded ? null : <Notice id='pay-outcome' kind={processing ? 'info' : 'error'} text={paymentExplanation(payment) ?? paymentStatusText(payment.status)} />}
      <View className='pay-actions'>
        <ActionButton id='pay-view-receipt' onClick={() => replacePage('receipt', { id: payment.id })}>
          {t('pay.viewReceipt')}
        </ActionButton>
        <ActionButton id='pay-another' kind='secondary' onClick={onAnother}>
          {t('pay.another')}
        </ActionButton>
      </View>
    </Panel>
  );
}

function Confirm({
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
    <Panel id='pay-confirm' overlap title={t('pay.confirmTitle')} intro={t('pay.confirmIntro')}>
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
      {state.status === 'submitting' && state.waiting ? <Notice id='pay-submitting' kind='info' text={t('pay.waiting')} /> : null}
      {state.status === 'uncertain' ? <Notice id='pay-uncertain' kind='error' text={state.message} note={requestNote(state.requestId)} /> : null}
      {state.status === 'failed' ? <Notice id='pay-failed' kind='error' text={state.message} note={requestNote(state.requestId)} /> : null}
      {state.status === 'uncertain' ? (
        // No answer: the bill and the cash stay as sent (another body under the same key is refused,
        // and a new key could pay the bill twice) until the officer learns the result or gives it up.
        <>
          <View className='pay-actions'>
            <ActionButton id='pay-retry-button' onClick={() => void submit.retry()}>
              {t('pay.retry')}
            </ActionButton>
            <ActionButton id='pay-workbench-button' kind='secondary' onClick={() => goBackTo('workbench')}>
              {t('pay.storedWorkbench')}
            </ActionButton>
          </View>
          <Text id='pay-locked' className='pay-note'>
            {t('pay.editUncertain')}
          </Text>
          <View className='pay-actions'>
            <ActionButton id='pay-discard-button' kind='danger' size='small' onClick={onDiscard}>
              {t('pay.discard')}
            </ActionButton>
          </View>
        </>
      ) : (
        <View className='pay-actions'>
          <ActionButton id='pay-submit-button' loading={busy} disabled={state.status === 'failed'} onClick={() => void submit.submit(body)}>
            {busy ? t('pay.submitting') : t('pay.submit')}
          </ActionButton>
          <ActionButton id='pay-edit-button' kind='secondary' disabled={busy} onClick={onEdit}>
            {t('pay.edit')}
          </ActionButton>
        </View>
      )}
    </Panel>
  );
}

/**
 * A payment confirmed on an earlier visit whose answer never came (the app closed or the network
 * dropped): its result is learnt (the same request and key again) or it is given up, before any
 * new payment, so one bill is not paid twice and no earlier payment is taken for a new one.
 */
function StoredAttempt({ submit }: { submit: ReturnType<typeof usePaymentSubmit> }) {
  const stored = submit.stored!;
  const { state } = submit;
  const busy = state.status === 'submitting';
  const time = clockOf(new Date(stored.startedAt).toISOString());
  return (
    <Panel id='pay-stored' overlap title={t('pay.storedTitle')}>
      <Notice
        id='pay-stored-notice'
        kind='error'
        text={t('pay.stored', { time, bill: billTypeName(stored.body.billType), amount: formatFen(stored.body.amountFen) })}
      />
      <Text className='pay-note'>{t('pay.storedExplain')}</Text>
      {busy ? <Notice id='pay-submitting' kind='info' text={state.waiting ? t('pay.waiting') : t('pay.submitting')} /> : null}
      {state.status === 'uncertain' ? <Notice id='pay-stored-uncertain' kind='error' text={state.message} note={requestNote(state.requestId)} /> : null}
      <View className='pay-actions'>
        <ActionButton id='pay-stored-check' loading={busy} onClick={() => void submit.checkStored()}>
          {t('pay.storedCheck')}
        </ActionButton>
        <ActionButton id='pay-stored-workbench' kind='secondary' disabled={busy} onClick={() => goBackTo('workbench')}>
          {t('pay.storedWorkbench')}
        </ActionButton>
      </View>
      <View className='pay-actions'>
        <ActionButton id='pay-stored-discard' kind='danger' size='small' disabled={busy} onClick={submit.discard}>
          {t('pay.discard')}
        </ActionButton>
      </View>
    </Panel>
  );
}

function DayClosed() {
  return (
    <Panel overlap>
      <Notice id='pay-day-closed' kind='error' text={t('pay.error.DAY_CLOSED')} />
      <ActionButton id='pay-back' kind='secondary' onClick={() => openPage('workbench')}>
        {t('pay.backToWorkbench')}
      </ActionButton>
    </Panel>
  );
}

function PayForm({
  stationId,
  billTypes,
  ledger,
  closed,
  preselect,
}: {
  stationId: string;
  billTypes: BillTypesAnswer;
  ledger?: LedgerResponse;
  closed: boolean;
  preselect?: string;
}) {
  const form = useNewPayment(stationId, billTypes);
  const submit = usePaymentSubmit({ limits: billTypes.stationLimits });
  const [mode, setMode] = useState<PayerMode>(null);
  const { draft, info, bookEntry, lookup, errors, confirming } = form;
  const limits = billTypes.stationLimits;

  // Opened from a household's page: that household is the payer.
  useEffect(() => {
    if (!preselect) return;
    let current = true;
    getHousehold(preselect).then(
      (household) => {
        if (!current) return;
        setMode('household');
        form.choosePayer({ kind: 'household', household });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [preselect]);

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

  if (done && !newSuccess) return <Outcome payment={done} earlierAt={earlierAt} onAnother={another} />;
  if (done) return <StateView id='pay-succeeded' kind='loading' title={paymentStatusText('SUCCEEDED')} />;
  if (submit.stored) return <StoredAttempt submit={submit} />;
  // Closed meanwhile (seen on coming back to the page): nothing new, unless an attempt is still open.
  if (closed && !submit.locked) return <DayClosed />;

  const payerText =
    draft.payer?.kind === 'household'
      ? draft.payer.household.headName
      : draft.phone.trim()
        ? t('pay.confirmPhoneOnly', { phone: draft.phone.trim() })
        : t('pay.confirmNoPhone');

  if (confirming) {
    return (
      <Confirm
        body={confirming}
        payerText={payerText}
        lookup={form.lookupResult}
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
    );
  }

  const { lookupResult } = form;
  const storedFailure = submit.state.status === 'failed' && submit.state.earlierAt ? submit.state : undefined;
  const range = info ? amountRange(info, limits.perPaymentMaxFen) : undefined;
  const dayLeft = ledger ? Math.max(0, limits.perDayMaxFen - ledger.totals.limitUsedFen) : undefined;

  return (
    <View id='pay-form'>
      <Panel id='pay-payer' title={t('pay.payerTitle')} overlap>
        {storedFailure?.earlierAt ? (
          <Notice
            id='pay-stored-failed'
            kind='error'
            text={t('pay.storedFailed', { time: clockOf(storedFailure.earlierAt), reason: storedFailure.message })}
            note={requestNote(storedFailure.requestId)}
          />
        ) : null}
        <ChipGroup id='pay-payer-kind'>
          <Chip
            id='pay-payer-household'
            label={t('pay.payerHousehold')}
            selected={mode === 'household'}
            onClick={() => {
              setMode('household');
              if (draft.payer?.kind !== 'household') form.choosePayer(null);
            }}
          />
          <Chip
            id='pay-payer-phone'
            label={t('pay.payerPhoneOnly')}
            selected={mode === 'phone'}
            onClick={() => {
              setMode('phone');
              form.choosePayer({ kind: 'phone' });
            }}
          />
        </ChipGroup>
        {mode === 'household' && draft.payer?.kind === 'household' ? (
          <View className='pay-lookup'>
            <Text id='pay-household-selected'>{t('pay.householdSelected', { name: draft.payer.household.headName })}</Text>
            <View className='pay-actions'>
              <ActionButton id='pay-household-change' kind='secondary' size='small' onClick={() => form.choosePayer(null)}>
                {t('pay.householdChange')}
              </ActionButton>
            </View>
          </View>
        ) : null}
        {mode === 'household' && draft.payer?.kind !== 'household' ? (
          <HouseholdPicker stationId={stationId} onPick={(household) => form.choosePayer({ kind: 'household', household })} />
        ) : null}
        {mode === 'phone' ? (
          <TextField
            id='pay-phone'
            label={t('pay.phoneLabel')}
            value={draft.phone}
            placeholder={t('pay.phonePlaceholder')}
            kind='phone'
            maxLength={11}
            error={errors.phone}
            onChange={form.setPhone}
          />
        ) : null}
        {errors.payer ? <Notice id='pay-payer-error' kind='error' text={t('pay.payerMissing')} /> : null}
      </Panel>

      <Panel id='pay-bill' title={t('pay.billTitle')}>
        <ChipGroup id='pay-types'>
          {billTypes.items.map((item) => (
            <Chip
              key={item.billType}
              id={`pay-type-${item.billType}`}
              label={billTypeName(item.billType)}
              selected={draft.billType === item.billType}
              onClick={() => form.chooseBillType(item.billType)}
            />
          ))}
        </ChipGroup>
        <Text id='pay-limits' className='pay-note'>
          {t('pay.limits', {
            perPayment: formatFen(limits.perPaymentMaxFen),
            perDay: formatFen(limits.perDayMaxFen),
            left: dayLeft === undefined ? '—' : formatFen(dayLeft),
          })}
        </Text>
        {info ? <Text className='pay-note'>{t(`billKind.${info.kind}`)}</Text> : null}
      </Panel>

      {draft.billType ? (
        <Panel id='pay-account' title={accountTexts(info?.accountKind).title}>
          {bookEntry ? (
            <ChipGroup id='pay-account-source'>
              <Chip
                id='pay-account-book'
                label={t('pay.accountFromBook', { account: bookEntry.accountNoMasked })}
                selected={draft.accountSource === 'book'}
                onClick={() => form.setAccountSource('book')}
              />
              <Chip id='pay-account-typed' label={t('pay.accountTypeNew')} selected={draft.accountSource === 'typed'} onClick={() => form.setAccountSource('typed')} />
            </ChipGroup>
          ) : null}
          {!bookEntry || draft.accountSource === 'typed' ? (
            <TextField
              id='pay-account-input'
              label={accountTexts(info?.accountKind).label}
              kind={accountTexts(info?.accountKind).fieldKind}
              value={draft.accountNo}
              placeholder={accountTexts(info?.accountKind).placeholder}
              maxLength={32}
              error={errors.accountNo}
              onChange={form.setAccountNo}
              onConfirm={() => void form.runLookup()}
            />
          ) : null}
          {draft.payer?.kind === 'household' && (!bookEntry || draft.accountSource === 'typed') ? (
            <Chip id='pay-save-to-book' label={t('pay.saveToBook')} selected={form.saveToBook} onClick={() => form.setSaveToBook(!form.saveToBook)} />
          ) : null}
          <ActionButton id='pay-lookup-button' kind='secondary' loading={lookup.status === 'loading'} onClick={() => void form.runLookup()}>
            {lookup.status === 'loading' ? t('pay.lookingUp') : t('pay.lookup')}
          </ActionButton>
          {lookup.status === 'failed' ? <Notice id='pay-lookup-error' kind='error' text={lookup.message} /> : null}
          {form.book.status === 'saved' ? <Notice id='pay-book-saved' kind='success' text={t('pay.savedToBook')} /> : null}
          {form.book.status === 'failed' ? <Notice id='pay-book-error' kind='error' text={form.book.message} /> : null}
          {lookupResult ? (
            <View id='pay-lookup-result' className='pay-lookup'>
              <InfoList
                items={[
                  { id: 'pay-lookup-holder', label: t('pay.holder'), value: lookupResult.holderNameMasked },
                  { id: 'pay-lookup-account', label: accountTexts(info?.accountKind).shown, value: lookupResult.accountNoMasked },
                  ...(lookupResult.amountDueFen !== null
                    ? [{ id: 'pay-lookup-due', label: t('pay.amountDue'), value: formatFen(lookupResult.amountDueFen) }]
                    : []),
                ]}
              />
            </View>
          ) : null}
          {errors.lookup ? <Notice id='pay-lookup-needed' kind='error' text={t('pay.lookupNeeded')} /> : null}
        </Panel>
      ) : null}

      {info && lookupResult ? (
        <Panel id='pay-amount' title={t('pay.amountTitle')}>
          {info.kind === 'postpaid' ? (
            lookupResult.amountDueFen ? (
              <Text id='pay-amount-fixed' className='pay-figure'>
                {t('pay.amountFixed', { amount: formatFen(lookupResult.amountDueFen) })}
              </Text>
            ) : (
              <Notice id='pay-nothing-due' kind='info' text={t('pay.nothingDue')} />
            )
          ) : (
            <TextField
              id='pay-amount-input'
              label={t('pay.amountLabel')}
              value={draft.amountText}
              placeholder={t('pay.amountPlaceholder')}
              kind='decimal'
              maxLength={12}
              hint={range ? t('pay.amountRange', { min: formatFen(range.min), max: formatFen(range.max) }) : undefined}
              error={errors.amount}
              onChange={form.setAmountText}
            />
          )}
          {info.kind === 'postpaid' && errors.amount && lookupResult.amountDueFen ? <Notice kind='error' text={errors.amount} /> : null}
        </Panel>
      ) : null}

      {info && lookupResult ? <CashPanel form={form} /> : null}

      <View className='pay-section'>
        {Object.values(errors).some(Boolean) ? <Notice id='pay-form-error' kind='error' text={t('pay.fixErrors')} /> : null}
        <ActionButton id='pay-review-button' disabled={!lookupResult} onClick={() => form.review()}>
          {t('pay.review')}
        </ActionButton>
      </View>
    </View>
  );
}

/** The cash the villager hands over and the change to give back, live. */
function CashPanel({ form }: { form: ReturnType<typeof useNewPayment> }) {
  const { draft, info, lookup, errors } = form;
  const lookupResult = lookup.status === 'ready' ? lookup.result : undefined;
  const parsedAmount = parseYuanToFen(draft.amountText);
  const amountFen = info?.kind === 'postpaid' ? (lookupResult?.amountDueFen ?? undefined) : parsedAmount.ok ? parsedAmount.fen : undefined;
  const cash = cashOf(draft, amountFen);
  return (
    <Panel id='pay-cash' title={t('pay.cashTitle')}>
      <TextField
        id='pay-cash-input'
        label={t('pay.cashLabel')}
        value={draft.cashText}
        placeholder={t('pay.cashPlaceholder')}
        kind='decimal'
        maxLength={12}
        error={errors.cash ?? (draft.cashText.trim() ? cash.error : undefined)}
        onChange={form.setCashText}
      />
      {cash.changeFen !== undefined && !cash.error ? (
        <Text id='pay-change' className='pay-figure pay-figure--brand'>
          {cash.changeFen > 0 ? t('pay.change', { change: formatFen(cash.changeFen) }) : t('pay.noChange')}
        </Text>
      ) : null}
    </Panel>
  );
}

function Content({ me }: { me: MeResponse }) {
  const router = useRouter();
  const billTypes = useResource('bill-types', getBillTypes);
  const stationId = me.station?.id;
  const ledger = useResource(stationId, (id) => getStationLedger(id, chinaDate(), { limit: 1 }));
  // Back on the page (from the workbench, another payment): today's limit left and whether the day
  // was closed meanwhile, without losing what is typed.
  useReloadOnShow(ledger.refresh);
  if (!stationId) {
    return <StateView id='pay-no-station' kind='empty' title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  }
  if (billTypes.state.status === 'error') {
    return (
      <ErrorStateView
        id='pay-error'
        title={t('pay.errorTitle')}
        error={billTypes.state.error}
        actions={[{ id: 'pay-retry', label: t('state.retry'), onClick: billTypes.retry }]}
      />
    );
  }
  if (billTypes.state.status !== 'ready') return <StateView id='pay-loading' kind='loading' title={t('pay.loading')} />;
  const closed = ledger.state.status === 'ready' && ledger.state.value.status === 'CLOSED';
  return (
    <View>
      <PageHero eyebrow={{ text: t('officer.stationLine', { village: me.station?.villageName ?? '' }) }} title={{ id: 'pay-title', text: t('pay.title') }} overlap />
      <ProviderBanner id='pay-provider' mode={billTypes.state.value.provider.mode} />
      <PayForm
        stationId={stationId}
        billTypes={billTypes.state.value}
        ledger={ledger.state.status === 'ready' ? ledger.state.value : undefined}
        closed={closed}
        preselect={router.params.householdId}
      />
      {ledger.state.status === 'error' ? <Text className='pay-note'>{errorText(ledger.state.error.code)}</Text> : null}
    </View>
  );
}

/** A new payment: villager, bill, account, lookup, amount, cash, confirm, send; then the receipt. */
export default function PayPage() {
  return (
    <View id='pay-page' className='page'>
      <RoleGate roles={['officer']} title='role.officer.title' signInPrompt='role.officer.signIn' deniedText='role.officer.denied'>
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
