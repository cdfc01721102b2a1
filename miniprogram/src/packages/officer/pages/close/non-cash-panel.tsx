import { Text } from '@tarojs/components';
import type { NonCashTotals } from '@shared/schemas/payments';
import { InfoList } from '../../../../components/info-list';
import { Panel } from '../../../../components/panel';
import { t } from '../../../../i18n/staff';
import { formatFen } from '../../../../services/money';

/**
 * The day's non-cash money (produce orders paid by WeChat Pay) beside the cash close: it goes to the
 * station's WeChat Pay account, never into the drawer, so it is shown, not counted or closed.
 */
export function NonCashPanel({ nonCash }: { nonCash: NonCashTotals }) {
  return (
    <Panel id="close-noncash" title={t('close.nonCashTitle')}>
      <InfoList
        items={[
          {
            id: 'close-noncash-paid',
            label: t('close.nonCashPaid'),
            value: t('close.nonCashFigure', { amount: formatFen(nonCash.paidFen), count: nonCash.paidCount }),
          },
          ...(nonCash.refundCount > 0
            ? [
                {
                  id: 'close-noncash-refunded',
                  label: t('close.nonCashRefunded'),
                  value: t('close.nonCashFigure', { amount: formatFen(nonCash.refundedFen), count: nonCash.refundCount }),
                },
              ]
            : []),
        ]}
      />
      <Text id="close-noncash-note" className="pay-note">
        {t('close.nonCashNote')}
      </Text>
    </Panel>
  );
}
