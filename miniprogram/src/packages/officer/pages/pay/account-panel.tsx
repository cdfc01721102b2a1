import { View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import type { AccountKind } from '@shared/schemas/payments';
import type { useNewPayment } from '../../../../hooks/use-new-payment';
import { t } from '../../../../i18n/staff';
import { formatFen } from '../../../../services/money';
import { accountTexts } from '../../../../services/payment-text';

/** Step 3, which account: the household's bill book or typed (optionally saved to it), and its lookup. */
export function AccountPanel({ form, accountKind }: { form: ReturnType<typeof useNewPayment>; accountKind: AccountKind | undefined }) {
  const { draft, bookEntry, lookup, lookupResult, errors } = form;
  // A phone top-up asks for the phone number itself, a bill for its 户号.
  const texts = accountTexts(accountKind);
  return (
    <Panel id="pay-account" title={texts.title}>
      {bookEntry ? (
        <ChipGroup id="pay-account-source">
          <Chip
            id="pay-account-book"
            label={t('pay.accountFromBook', { account: bookEntry.accountNoMasked })}
            selected={draft.accountSource === 'book'}
            onClick={() => form.setAccountSource('book')}
          />
          <Chip
            id="pay-account-typed"
            label={t('pay.accountTypeNew')}
            selected={draft.accountSource === 'typed'}
            onClick={() => form.setAccountSource('typed')}
          />
        </ChipGroup>
      ) : null}
      {!bookEntry || draft.accountSource === 'typed' ? (
        <TextField
          id="pay-account-input"
          label={texts.label}
          kind={texts.fieldKind}
          value={draft.accountNo}
          placeholder={texts.placeholder}
          maxLength={32}
          error={errors.accountNo}
          onChange={form.setAccountNo}
          onConfirm={() => void form.runLookup()}
        />
      ) : null}
      {draft.payer?.kind === 'household' && (!bookEntry || draft.accountSource === 'typed') ? (
        <Chip id="pay-save-to-book" label={t('pay.saveToBook')} selected={form.saveToBook} onClick={() => form.setSaveToBook(!form.saveToBook)} />
      ) : null}
      <ActionButton id="pay-lookup-button" kind="secondary" loading={lookup.status === 'loading'} onClick={() => void form.runLookup()}>
        {lookup.status === 'loading' ? t('pay.lookingUp') : t('pay.lookup')}
      </ActionButton>
      {lookup.status === 'failed' ? <Notice id="pay-lookup-error" kind="error" text={lookup.message} /> : null}
      {form.book.status === 'saved' ? <Notice id="pay-book-saved" kind="success" text={t('pay.savedToBook')} /> : null}
      {form.book.status === 'failed' ? <Notice id="pay-book-error" kind="error" text={form.book.message} /> : null}
      {lookupResult ? (
        <View id="pay-lookup-result" className="pay-lookup">
          <InfoList
            items={[
              { id: 'pay-lookup-holder', label: t('pay.holder'), value: lookupResult.holderNameMasked },
              { id: 'pay-lookup-account', label: texts.shown, value: lookupResult.accountNoMasked },
              ...(lookupResult.amountDueFen !== null
                ? [{ id: 'pay-lookup-due', label: t('pay.amountDue'), value: formatFen(lookupResult.amountDueFen) }]
                : []),
            ]}
          />
        </View>
      ) : null}
      {errors.lookup ? <Notice id="pay-lookup-needed" kind="error" text={t('pay.lookupNeeded')} /> : null}
    </Panel>
  );
}
