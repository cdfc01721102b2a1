import { Text } from '@tarojs/components';
import type { LedgerResponse } from '@shared/schemas/payments';
import { Chip, ChipGroup } from '../../../../components/chip';
import { Panel } from '../../../../components/panel';
import type { useNewPayment } from '../../../../hooks/use-new-payment';
import { t } from '../../../../i18n/staff';
import type { BillTypesAnswer } from '../../../../services/api';
import { formatFen } from '../../../../services/money';
import { billTypeName } from '../../../../services/payment-text';

/** Step 2, which bill: the station's bill types, and its limits with what is left today. */
export function BillPanel({
  form,
  billTypes,
  ledger,
}: {
  form: ReturnType<typeof useNewPayment>;
  billTypes: BillTypesAnswer;
  ledger?: LedgerResponse;
}) {
  const { draft, info } = form;
  const limits = billTypes.stationLimits;
  const dayLeft = ledger ? Math.max(0, limits.perDayMaxFen - ledger.totals.limitUsedFen) : undefined;
  return (
    <Panel id="pay-bill" title={t('pay.billTitle')}>
      <ChipGroup id="pay-types">
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
      <Text id="pay-limits" className="pay-note">
        {t('pay.limits', {
          perPayment: formatFen(limits.perPaymentMaxFen),
          perDay: formatFen(limits.perDayMaxFen),
          left: dayLeft === undefined ? '—' : formatFen(dayLeft),
        })}
      </Text>
      {info ? <Text className="pay-note">{t(`billKind.${info.kind}`)}</Text> : null}
    </Panel>
  );
}
