import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import type { useNewPayment } from '../../../../hooks/use-new-payment';
import { t } from '../../../../i18n/staff';
import { HouseholdPicker } from './household-picker';

export type PayerMode = 'household' | 'phone' | null;

/** Step 1, who pays: a registered household (picked from the list) or a villager known by phone only. */
export function PayerPanel({
  stationId,
  form,
  mode,
  onMode,
  children,
}: {
  stationId: string;
  form: ReturnType<typeof useNewPayment>;
  mode: PayerMode;
  onMode: (mode: PayerMode) => void;
  /** Notices about the form as a whole (a restored draft, an earlier attempt), shown first. */
  children?: ReactNode;
}) {
  const { draft, errors } = form;
  return (
    <Panel id="pay-payer" title={t('pay.payerTitle')} overlap>
      {children}
      <ChipGroup id="pay-payer-kind">
        <Chip
          id="pay-payer-household"
          label={t('pay.payerHousehold')}
          selected={mode === 'household'}
          onClick={() => {
            onMode('household');
            if (draft.payer?.kind !== 'household') form.choosePayer(null);
          }}
        />
        <Chip
          id="pay-payer-phone"
          label={t('pay.payerPhoneOnly')}
          selected={mode === 'phone'}
          onClick={() => {
            onMode('phone');
            form.choosePayer({ kind: 'phone' });
          }}
        />
      </ChipGroup>
      {mode === 'household' && draft.payer?.kind === 'household' ? (
        <View className="pay-lookup">
          <Text id="pay-household-selected">{t('pay.householdSelected', { name: draft.payer.household.headName })}</Text>
          <View className="pay-actions">
            <ActionButton id="pay-household-change" kind="secondary" size="small" onClick={() => form.choosePayer(null)}>
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
          id="pay-phone"
          label={t('pay.phoneLabel')}
          value={draft.phone}
          placeholder={t('pay.phonePlaceholder')}
          kind="phone"
          maxLength={11}
          error={errors.phone}
          onChange={form.setPhone}
        />
      ) : null}
      {errors.payer ? <Notice id="pay-payer-error" kind="error" text={t('pay.payerMissing')} /> : null}
    </Panel>
  );
}
